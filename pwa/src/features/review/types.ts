/** What the review and report endpoints answer (docs/api.md, "Reviews and reports"). */

export type ReviewState = 'none' | 'draft' | 'approved'
export type ActionState = 'open' | 'done'

export interface FollowUp {
  id: string
  incidentId: string
  incidentKind?: string
  text: string
  owner: string
  due: string
  state: ActionState
  overdue: boolean
  doneBy?: string
  doneAt?: string
  note?: string
}

export interface LogLine {
  seq: number
  at: string
  actor: string
  type: string
  text: string
}

export interface ChainCheck {
  valid: boolean
  entries: number
  brokenAt?: number
}

export interface Review {
  incidentId: string
  kind: string
  severity: string
  site?: string
  drill: boolean
  startedAt: string
  acknowledgedAt?: string
  recoveredAt?: string
  state: ReviewState
  version: number
  whatHappened: string
  impact: string
  wentWell: string
  toChange: string
  writtenBy?: string
  writtenAt?: string
  approvedBy?: string
  approvedAt?: string
  actions: FollowUp[]
  timeline: LogLine[]
  chain: ChainCheck
}

export interface ReviewSummary {
  incidentId: string
  kind: string
  severity: string
  site?: string
  drill: boolean
  startedAt: string
  recoveredAt?: string
  state: ReviewState
  openActions: number
  overdueActions: number
}

/** An action as the form edits it (a new one has no id until the server stores it). */
export interface ActionDraft {
  id?: string
  text: string
  owner: string
  due: string
}

export interface ReviewDraft {
  whatHappened: string
  impact: string
  wentWell: string
  toChange: string
  actions: ActionDraft[]
}

export interface Count {
  key: string
  count: number
}

export interface Period {
  start: string
  total: number
  byKind: Count[]
  bySeverity: Count[]
  bySite: Count[]
}

export interface Times {
  kind: string
  incidents: number
  acknowledged: number
  recovered: number
  ackMedian?: number
  ackP90?: number
  recoverMedian?: number
  recoverP90?: number
}

export interface EscalationRow {
  clause: string
  fired: number
  inTime: number
  late: number
  unacknowledged: number
}

export interface ClauseCompliance {
  clause: string
  stepsOnTime: number
  stepsLate: number
  stepsMissed: number
  stepsSkipped: number
  timersOnTime: number
  timersLate: number
  timersMissed: number
}

export interface Drill {
  incidentId: string
  kind: string
  site?: string
  startedAt: string
  ackSeconds?: number
  recoverSeconds?: number
  stepsOnTime: number
  stepsLate: number
  stepsMissed: number
  timersOnTime: number
  timersLate: number
  timersMissed: number
}

export type Bucket = 'day' | 'week' | 'month'

export interface Report {
  from: string
  to: string
  zone: string
  site?: string
  kind?: string
  bucket: Bucket
  sites: string[]
  incidents: { total: number; byKind: Count[]; bySeverity: Count[]; bySite: Count[]; overTime: Period[] }
  times: Times[]
  escalations: { fired: number; inTime: number; late: number; unacknowledged: number; byClause: EscalationRow[] }
  compliance: ClauseCompliance[]
  customers: { captured: number; backfilled: number; rejected: number; awaiting: number }
  callbacks: { promised: number; attempts: number; reached: number; overdue: number; byOutcome: Count[] }
  drills: { count: number; times: Times[]; list: Drill[] }
}

export interface ReportFilter {
  from: string
  to: string
  site: string
  kind: string
}

export const REPORT_TABLES = ['incidents', 'times', 'escalations', 'compliance', 'customers', 'callbacks', 'drills'] as const
export type ReportTableName = (typeof REPORT_TABLES)[number]
export type ExportFormat = 'csv' | 'xlsx'
