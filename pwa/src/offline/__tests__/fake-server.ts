import type { PullResponse, PushResponse, StoredEntry, Entry } from '@/api/entries'

export interface PushCall {
  device: string
  entries: Entry[]
}

type PushAnswer = (call: PushCall) => Response | Promise<Response>

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/**
 * A stand-in for the server's two sync calls. By default it stores every pushed entry once
 * (a resend answers "duplicate"), hands out gap-free sequence numbers and serves them back on pull.
 */
export class FakeServer {
  pushes: PushCall[] = []
  pulls: string[] = []
  stored: StoredEntry[] = []
  pushAnswer: PushAnswer | null = null
  pullAnswer: ((after: number) => Response) | null = null

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://stormdesk.test')
    if (url.pathname === '/api/sync/push') {
      const call = JSON.parse(String(init?.body)) as PushCall
      this.pushes.push(call)
      return this.pushAnswer ? this.pushAnswer(call) : json(this.store(call))
    }
    if (url.pathname === '/api/sync/pull') {
      this.pulls.push(url.search)
      const after = Number(url.searchParams.get('after') ?? 0)
      if (this.pullAnswer) return this.pullAnswer(after)
      const entries = this.stored.filter((e) => e.seq > after)
      const body: PullResponse = { entries, next: entries.at(-1)?.seq ?? after, hasMore: false }
      return json(body)
    }
    return json({ title: 'not found' }, 404)
  }

  store(call: PushCall): PushResponse {
    return {
      results: call.entries.map((entry) => {
        const known = this.stored.find((s) => s.id === entry.id)
        if (known) return { id: entry.id, status: 'duplicate' as const, seq: known.seq }
        const seq = this.stored.length + 1
        this.stored.push({
          seq,
          id: entry.id,
          kind: entry.kind,
          incident: entry.incident,
          actor: entry.actor,
          device: call.device,
          recordedAt: entry.recordedAt,
          receivedAt: new Date().toISOString(),
          payload: { ...entry.payload },
        })
        return { id: entry.id, status: 'stored' as const, seq }
      }),
    }
  }

  get pushedIds(): string[] {
    return this.pushes.flatMap((p) => p.entries.map((e) => e.id))
  }
}
