import Dexie, { type Table } from 'dexie'
import type { DeviceEntryKind, PayloadOf, StoredEntry } from '@/api/entries'

export type OutboxStatus = 'waiting' | 'sent' | 'refused'

interface OutboxRowBase {
  /** The entry id (UUID v4): the idempotency key on the server. */
  id: string
  /** The incident the entry is about; for a report, the incident it joined once the server says so. */
  incident?: string
  recordedAt: string
  actor: string
  status: OutboxStatus
  seq?: number
  reason?: string
  attempts: number
  lastError?: string
}

/** One thing a person recorded on this device, kept until the server has answered for it. */
export type OutboxRow = {
  [K in DeviceEntryKind]: OutboxRowBase & { kind: K; payload: PayloadOf[K] }
}[DeviceEntryKind]

export interface MetaRow {
  key: string
  value: string | number
}

export interface CacheRow {
  key: string
  value: unknown
  savedAt: string
}

export const DB_NAME = 'stormdesk'

export class StormdeskDb extends Dexie {
  outbox!: Table<OutboxRow, string>
  entries!: Table<StoredEntry, number>
  meta!: Table<MetaRow, string>
  cache!: Table<CacheRow, string>

  constructor(name: string = DB_NAME) {
    super(name)
    this.version(1).stores({
      outbox: 'id, actor, [actor+status], incident, recordedAt',
      entries: 'seq, id, incident, kind',
      meta: 'key',
      cache: 'key',
    })
  }
}

let shared: StormdeskDb | null = null

/** The app's database (one per page). */
export function appDb(): StormdeskDb {
  shared ??= new StormdeskDb()
  return shared
}
