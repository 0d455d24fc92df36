import { randomUUID } from 'node:crypto'
import { DEMO_PASSWORD } from './browser'

export type Kind = 'equipment' | 'system' | 'power' | 'aircon' | 'fire' | 'website' | 'surge' | 'media'

export interface Incident {
  id: string
  kind: Kind
  severity: string
  state: 'open' | 'acknowledged' | 'resolved'
  scope: string
  seat?: string
  startedAt: string
  reportCount: number
  reporterCount: number
}

export interface StoredEntry {
  seq: number
  id: string
  kind: string
  incident?: string | null
  actor: string
  payload?: Record<string, unknown>
}

export interface ReportFiled {
  reportId: string
  incidentId: string
  joined: boolean
}

/** The HTTP API as one demo user sees it (HTTP Basic, which the demo environment accepts with the password). */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly username: string,
    private readonly password = DEMO_PASSWORD,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`,
        accept: 'application/json',
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
  }

  async get<T>(path: string): Promise<T> {
    const answer = await this.call<T>('GET', path)
    if (answer.status !== 200) throw new Error(`GET ${path} as ${this.username}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const answer = await this.call<T>('POST', path, body)
    if (answer.status >= 300) throw new Error(`POST ${path} as ${this.username}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body
  }

  incidents(state: 'open' | 'resolved' | 'all' = 'open'): Promise<Incident[]> {
    return this.get<Incident[]>(`/api/incidents?state=${state}`)
  }

  report(kind: Kind, seat?: string, note?: string): Promise<ReportFiled> {
    return this.post<ReportFiled>('/api/reports', { clientId: randomUUID(), kind, ...(seat ? { seat } : {}), ...(note ? { note } : {}) })
  }

  /** Every entry this user may see, from the start of the journal. */
  async pullAll(): Promise<StoredEntry[]> {
    const all: StoredEntry[] = []
    let after = 0
    for (;;) {
      const page = await this.get<{ entries?: StoredEntry[]; next: number; hasMore: boolean }>(`/api/sync/pull?after=${after}&limit=1000`)
      all.push(...(page.entries ?? []))
      if (!page.hasMore || page.next <= after) return all
      after = page.next
    }
  }

  /** Resolves every incident still open, so that a spec starts from an empty board. */
  async resolveAllOpen(): Promise<void> {
    for (const incident of await this.incidents('open')) {
      await this.post(`/api/incidents/${incident.id}/resolve`, { clientId: randomUUID() })
    }
  }
}
