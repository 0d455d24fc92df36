import type { OutboundAttemptedPayload } from '@/api/entries'
import type { OutboxRow } from '@/offline/db'
import { CLOSING, type OutboundState, type OutboundTask, type WorkedCall } from './types'

/**
 * Counts in the calls this device recorded that the server has not acknowledged yet, by the same rule as the server:
 * done closes the task as done; refused or a wrong number closes it; otherwise the last allowed call closes it.
 */
export function worked(tasks: readonly OutboundTask[], outbox: readonly OutboxRow[]): WorkedCall[] {
  const waiting = new Map<string, OutboundAttemptedPayload[]>()
  for (const row of outbox) {
    if (row.kind !== 'outbound.attempted' || row.status !== 'waiting') continue
    const list = waiting.get(row.payload.taskId) ?? []
    list.push(row.payload)
    waiting.set(row.payload.taskId, list)
  }
  return tasks.map((t) => {
    const mine = waiting.get(t.id) ?? []
    let state: OutboundState = t.state
    let attempts = t.attempts
    for (const a of mine) {
      if (state !== 'open') break
      attempts++
      state = a.outcome === 'done' ? 'done' : CLOSING.includes(a.outcome) || attempts >= t.maxAttempts ? 'closed' : 'open'
    }
    return { ...t, waiting: mine.length, shownState: state, attempts, lastOutcome: mine.at(-1)?.outcome ?? t.lastOutcome }
  })
}

/** Open first, most important first (priority, then the nearest due time); closed after. */
export function byImportance(a: WorkedCall, b: WorkedCall): number {
  const open = (t: WorkedCall) => (t.shownState === 'open' ? 0 : 1)
  return open(a) - open(b) || a.priority - b.priority || a.dueAt.localeCompare(b.dueAt)
}

/** A reallocation's moves grouped by the agent who gains them (nobody last), for the manager to read. */
export function movesByAgent<M extends { to?: string }>(moves: readonly M[]): { to: string | null; moves: M[] }[] {
  const groups = new Map<string | null, M[]>()
  for (const m of moves) {
    const key = m.to ?? null
    groups.set(key, [...(groups.get(key) ?? []), m])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([to, list]) => ({ to, moves: list }))
}
