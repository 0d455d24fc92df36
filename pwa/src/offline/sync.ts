import { ApiError, request, type FailureReason, type FetchLike } from '@/api/http'
import type { PullResponse, PushResponse, PushResult, StoredEntry } from '@/api/entries'
import type { OutboxRow, StormdeskDb } from './db'
import { deviceId } from './device'
import { prune, toEntry, waitingEntries } from './outbox'

export type SyncTrigger = 'start' | 'online' | 'timer' | 'record' | 'visible' | 'retry' | 'follow-up' | 'login' | 'manual'

export type SyncOutcome =
  | { kind: 'done'; pushed: number; pulled: number }
  | { kind: 'no-user' }
  | { kind: 'backing-off'; until: number }
  | { kind: 'failed'; reason: FailureReason; retryIn: number }

export interface SyncOptions {
  db: StormdeskDb
  currentUser: () => string | null
  fetch?: FetchLike
  now?: () => number
  batchSize?: number
  pullLimit?: number
  /** How the engine waits before a retry; tests pass a fake. */
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  onUnauthorized?: () => void
  onAuthorized?: () => void
  onOutcome?: (outcome: SyncOutcome) => void
}

/** Waits after the first, second, third and later failures in a row. */
export const BACKOFF_MS = [2000, 5000, 15000, 30000] as const
export const PUSH_BATCH = 100
const PULL_PAGES_PER_RUN = 20

const cursorKey = (user: string) => `cursor:${user}`

/**
 * Sends the current person's waiting entries and pulls what the server stored since the last time.
 * One run at a time: a trigger that arrives during a run is answered by that run and a follow-up.
 */
export class SyncEngine {
  private readonly opts: Required<Pick<SyncOptions, 'now' | 'batchSize' | 'pullLimit' | 'setTimer' | 'clearTimer'>> & SyncOptions
  private inFlight: Promise<SyncOutcome> | null = null
  private again = false
  private failures = 0
  private nextAttemptAt = 0
  private retryHandle: unknown = null

  constructor(options: SyncOptions) {
    this.opts = {
      now: () => Date.now(),
      batchSize: PUSH_BATCH,
      pullLimit: 500,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    }
  }

  get running(): boolean {
    return this.inFlight !== null
  }

  get consecutiveFailures(): number {
    return this.failures
  }

  /** Starts a run unless one is in flight (then one more run follows it). The timer respects the back-off. */
  sync(trigger: SyncTrigger): Promise<SyncOutcome> {
    if (this.inFlight) {
      this.again = true
      return this.inFlight
    }
    if ((trigger === 'timer' || trigger === 'follow-up') && this.opts.now() < this.nextAttemptAt) {
      return Promise.resolve({ kind: 'backing-off', until: this.nextAttemptAt })
    }
    const run = this.run()
      .catch((error: unknown): SyncOutcome => this.failed(error))
      .then((outcome) => {
        this.opts.onOutcome?.(outcome)
        return outcome
      })
      .finally(() => {
        this.inFlight = null
        if (this.again) {
          this.again = false
          void this.sync('follow-up')
        }
      })
    this.inFlight = run
    return run
  }

  /** Cancels a scheduled retry (sign-out, tests). */
  stop(): void {
    if (this.retryHandle !== null) this.opts.clearTimer(this.retryHandle)
    this.retryHandle = null
  }

  private async run(): Promise<SyncOutcome> {
    const user = this.opts.currentUser()
    if (!user) return { kind: 'no-user' }
    const pushed = await this.push(user)
    const pulled = await this.pull(user)
    await prune(this.opts.db, new Date(this.opts.now()))
    this.failures = 0
    this.nextAttemptAt = 0
    this.opts.onAuthorized?.()
    return { kind: 'done', pushed, pulled }
  }

  private async push(user: string): Promise<number> {
    const { db } = this.opts
    const device = await deviceId(db)
    let sent = 0
    for (;;) {
      const rows = await waitingEntries(db, user, this.opts.batchSize)
      if (rows.length === 0) return sent
      let answer: PushResponse
      try {
        answer = await request<PushResponse>(
          '/api/sync/push',
          { method: 'POST', body: { device, entries: rows.map(toEntry) } },
          this.opts.fetch,
        )
      } catch (error) {
        await this.noteAttempt(rows, error)
        throw error
      }
      const answered = await this.apply(rows, answer.results ?? [])
      sent += answered
      // Nothing answered means nothing will change by asking again right now.
      if (answered === 0 || rows.length < this.opts.batchSize) return sent
    }
  }

  private async apply(rows: OutboxRow[], results: PushResult[]): Promise<number> {
    const { db } = this.opts
    const byId = new Map(results.map((r) => [r.id, r]))
    let answered = 0
    await db.transaction('rw', db.outbox, async () => {
      for (const row of rows) {
        const result = byId.get(row.id)
        if (!result) {
          await db.outbox.update(row.id, { attempts: row.attempts + 1, lastError: 'no answer for this entry' })
          continue
        }
        answered++
        if (result.status === 'refused') {
          await db.outbox.update(row.id, { status: 'refused', reason: result.reason ?? '', attempts: row.attempts + 1 })
        } else {
          await db.outbox.update(row.id, {
            status: 'sent',
            attempts: row.attempts + 1,
            ...(result.seq !== undefined ? { seq: result.seq } : {}),
          })
        }
      }
    })
    return answered
  }

  private async noteAttempt(rows: OutboxRow[], error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error)
    const { db } = this.opts
    await db.transaction('rw', db.outbox, async () => {
      for (const row of rows) await db.outbox.update(row.id, { attempts: row.attempts + 1, lastError: message })
    })
  }

  private async pull(user: string): Promise<number> {
    const { db } = this.opts
    let pulled = 0
    for (let page = 0; page < PULL_PAGES_PER_RUN; page++) {
      const cursorRow = await db.meta.get(cursorKey(user))
      const after = typeof cursorRow?.value === 'number' ? cursorRow.value : 0
      const answer = await request<PullResponse>(
        `/api/sync/pull?after=${after}&limit=${this.opts.pullLimit}`,
        {},
        this.opts.fetch,
      )
      const entries = answer.entries ?? []
      await db.transaction('rw', [db.entries, db.outbox, db.meta], async () => {
        if (entries.length) await db.entries.bulkPut(entries)
        await this.link(entries)
        if (typeof answer.next === 'number' && answer.next > after) {
          await db.meta.put({ key: cursorKey(user), value: answer.next })
        }
      })
      pulled += entries.length
      if (!answer.hasMore || entries.length === 0) break
    }
    return pulled
  }

  /** What the server stored tells which entries of ours arrived and which incident each report joined. */
  private async link(entries: StoredEntry[]): Promise<void> {
    const { db } = this.opts
    for (const entry of entries) {
      const mine = await db.outbox.get(entry.id)
      if (mine) {
        await db.outbox.update(entry.id, {
          status: mine.status === 'refused' ? 'refused' : 'sent',
          seq: entry.seq,
          ...(entry.incident ? { incident: entry.incident } : {}),
        })
      }
      const report = entry.kind === 'incident.opened' ? entry.payload['report'] : undefined
      if (typeof report === 'string' && entry.incident) {
        const filed = await db.outbox.get(report)
        if (filed && !filed.incident) await db.outbox.update(report, { incident: entry.incident })
      }
    }
  }

  private failed(error: unknown): SyncOutcome {
    const reason: FailureReason = error instanceof ApiError ? error.reason : 'network'
    if (reason === 'unauthorized') this.opts.onUnauthorized?.()
    this.failures++
    const wait = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length) - 1] ?? 30000
    this.nextAttemptAt = this.opts.now() + wait
    this.stop()
    this.retryHandle = this.opts.setTimer(() => {
      this.retryHandle = null
      void this.sync('retry')
    }, wait)
    return { kind: 'failed', reason, retryIn: wait }
  }
}

export const SYNC_INTERVAL_MS = 10_000

/** Wires an engine to the page: start now, on `online`, when shown again, and every ten seconds. */
export function startSyncLoop(engine: SyncEngine, target: Window = window): () => void {
  const online = () => void engine.sync('online')
  const visible = () => {
    if (target.document.visibilityState === 'visible') void engine.sync('visible')
  }
  target.addEventListener('online', online)
  target.document.addEventListener('visibilitychange', visible)
  const timer = target.setInterval(() => void engine.sync('timer'), SYNC_INTERVAL_MS)
  void engine.sync('start')
  return () => {
    target.removeEventListener('online', online)
    target.document.removeEventListener('visibilitychange', visible)
    target.clearInterval(timer)
    engine.stop()
  }
}
