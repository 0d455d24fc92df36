import type { CallbackAttemptedPayload } from '@/api/entries'
import type { OutboxRow } from '@/offline/db'
import type { CallbackState, CallbackTask, WorkedTask } from './types'

/**
 * Counts in the attempts this device recorded that the server has not acknowledged yet, by the same rule as the
 * server: reached closes the task; otherwise the last allowed attempt closes it unreached.
 */
export function worked(tasks: readonly CallbackTask[], outbox: readonly OutboxRow[]): WorkedTask[] {
  const waiting = new Map<string, CallbackAttemptedPayload[]>()
  for (const row of outbox) {
    if (row.kind !== 'callback.attempted' || row.status !== 'waiting') continue
    const list = waiting.get(row.payload.taskId) ?? []
    list.push(row.payload)
    waiting.set(row.payload.taskId, list)
  }
  return tasks.map((t) => {
    const mine = waiting.get(t.id) ?? []
    let state: CallbackState = t.state
    let attempts = t.attempts
    for (const a of mine) {
      if (state !== 'open') break
      attempts++
      state = a.outcome === 'reached' ? 'reached' : attempts >= t.maxAttempts ? 'failed' : 'open'
    }
    return { ...t, waiting: mine.length, shownState: state, attempts, lastOutcome: mine.at(-1)?.outcome ?? t.lastOutcome }
  })
}

/** Open first (overdue first, then by due time), closed after. */
export function byUrgency(a: WorkedTask, b: WorkedTask): number {
  const open = (t: WorkedTask) => (t.shownState === 'open' ? 0 : 1)
  return open(a) - open(b) || Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt)
}
