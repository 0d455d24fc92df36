import type { DeviceEntryKind, Entry, PayloadOf } from '@/api/entries'
import type { OutboxRow, StormdeskDb } from './db'
import { newId } from './ids'

export interface RecordInput<K extends DeviceEntryKind> {
  kind: K
  payload: PayloadOf[K]
  actor: string
  incident?: string
  now?: Date
}

/** Records a fact on the device: one row in the outbox, waiting to be sent. */
export async function recordEntry<K extends DeviceEntryKind>(db: StormdeskDb, input: RecordInput<K>): Promise<OutboxRow> {
  const row = {
    id: newId(),
    kind: input.kind,
    payload: input.payload,
    actor: input.actor,
    recordedAt: (input.now ?? new Date()).toISOString(),
    status: 'waiting',
    attempts: 0,
    ...(input.incident ? { incident: input.incident } : {}),
  } as OutboxRow
  await db.outbox.add(row)
  return row
}

/** The entries of one person still waiting to be sent, oldest first. */
export async function waitingEntries(db: StormdeskDb, actor: string, limit: number): Promise<OutboxRow[]> {
  const rows = await db.outbox.where('[actor+status]').equals([actor, 'waiting']).sortBy('recordedAt')
  return rows.slice(0, limit)
}

export function toEntry(row: OutboxRow): Entry {
  return {
    id: row.id,
    kind: row.kind,
    // A report's incident is decided by the server, whatever the device learnt since.
    incident: row.kind === 'report.filed' ? null : (row.incident ?? null),
    actor: row.actor,
    recordedAt: row.recordedAt,
    payload: row.payload,
  }
}

export const KEEP_ANSWERED_MS = 7 * 24 * 3600 * 1000
export const KEEP_PULLED_ENTRIES = 5000

/** Answered entries stay a week for "My reports"; waiting ones stay until answered. */
export async function prune(db: StormdeskDb, now: Date = new Date()): Promise<void> {
  const before = new Date(now.getTime() - KEEP_ANSWERED_MS).toISOString()
  await db.outbox
    .where('recordedAt')
    .below(before)
    .filter((row) => row.status !== 'waiting')
    .delete()
  const count = await db.entries.count()
  if (count > KEEP_PULLED_ENTRIES) {
    const oldest = await db.entries.orderBy('seq').limit(count - KEEP_PULLED_ENTRIES).primaryKeys()
    await db.entries.bulkDelete(oldest)
  }
}
