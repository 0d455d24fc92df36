import type { IncidentKind } from './kinds'

/** Entry kinds a device records (docs/sync-protocol.md); `incident.opened` is written by the server only. */
export type DeviceEntryKind = 'report.filed' | 'note.added' | 'incident.acknowledged' | 'incident.resolved'
export type EntryKind = DeviceEntryKind | 'incident.opened'

export interface ReportPayload {
  kind: IncidentKind
  seat?: string
  note?: string
}
export interface NotePayload {
  text: string
}
export type AcknowledgePayload = Record<string, never>
export interface ResolvePayload {
  recoveredAt?: string
}

export interface PayloadOf {
  'report.filed': ReportPayload
  'note.added': NotePayload
  'incident.acknowledged': AcknowledgePayload
  'incident.resolved': ResolvePayload
}

/** What a device sends in a push. */
export interface Entry {
  id: string
  kind: DeviceEntryKind
  incident: string | null
  actor: string
  recordedAt: string
  payload: PayloadOf[DeviceEntryKind]
}

export type PushStatus = 'stored' | 'duplicate' | 'refused'

export interface PushResult {
  id: string
  status: PushStatus
  seq?: number
  reason?: string
}

export interface PushResponse {
  results: PushResult[]
}

/** What a pull returns: a stored entry, of any kind, with its sequence number. */
export interface StoredEntry {
  seq: number
  id: string
  kind: string
  incident: string | null
  actor: string
  device: string
  recordedAt: string
  receivedAt: string
  payload: Record<string, unknown>
}

export interface PullResponse {
  entries: StoredEntry[]
  next: number
  hasMore: boolean
}
