import type { IncidentKind } from '@/api/kinds'

export type Severity = 'low' | 'medium' | 'high' | 'critical'
export type IncidentState = 'open' | 'acknowledged' | 'resolved'

/** GET /api/incidents, /api/incidents/{id} */
export interface Incident {
  id: string
  kind: IncidentKind
  severity: Severity
  state: IncidentState
  scope?: string
  seat?: string
  startedAt: string
  acknowledgedAt?: string
  acknowledgedBy?: string
  recoveredAt?: string
  resolvedBy?: string
  reportCount: number
  reporterCount: number
  lastSeq?: number
  /** Run as a drill: marked everywhere, notifies only its participants, counted apart. */
  drill?: boolean
  participants?: string[]
}

export interface IncidentReport {
  id: string
  reporter: string
  seat?: string
  note?: string
  recordedAt: string
  receivedAt?: string
}

export interface IncidentDetail extends Incident {
  reports?: IncidentReport[]
}

/** One line of the management log: a stored journal entry of the incident. */
export interface LogEntry {
  seq: number
  id: string
  at: string
  recordedAt: string
  actor: string
  device?: string
  type: string
  text: string
  hash: string
  prevHash: string
  redundant?: boolean
}

export interface IncidentLog {
  incidentId: string
  entries: LogEntry[]
}

export interface Verification {
  valid: boolean
  entries: number
  brokenAt?: number
}

/** Where what is on screen came from. */
export type Freshness = 'live' | 'cached' | 'none'

export type LoadState = 'idle' | 'loading' | 'ready' | 'failed'

export type VerifyState = 'unknown' | 'verified' | 'broken'

/** A line recorded on this device about the incident that the server has not stored (yet). */
export interface DeviceLogLine {
  source: 'device'
  id: string
  kind: string
  recordedAt: string
  actor: string
  status: 'waiting' | 'refused'
  reason?: string
}

/**
 * A line of the log as shown: from the server, numbered 1, 2, 3… within the incident (the journal-wide
 * seq, which skips the other incidents' entries, stays with the entry), or recorded here and not yet stored.
 */
export type LogLine = { source: 'server'; line: number; entry: LogEntry } | DeviceLogLine
