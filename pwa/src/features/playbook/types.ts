import type { IncidentKind } from '@/api/kinds'
import type { Role } from '@/features/auth/types'

/** How a step or timer kept to the specification (docs/playbooks.md, "Compliance"). */
export type Compliance = 'onTime' | 'late' | 'missed' | 'skipped' | 'pending' | 'notNeeded'
export const COMPLIANCES: readonly Compliance[] = ['onTime', 'late', 'missed', 'skipped', 'pending', 'notNeeded']

export type StepState = 'open' | 'done' | 'skipped' | 'overdue'
export type LevelState = 'pending' | 'fired' | 'acknowledged' | 'cancelled' | 'superseded'
export type CallState = 'open' | 'reached' | 'unreached'

/** A party: `role:ROLE`, `user:NAME` or `contact:ID`. */
export type Party = string

export interface CallParty {
  target: Party
  faultType?: string
  name: string
  organization?: string
  phone?: string
  tel?: string
  people?: string[]
  state: CallState
  by?: string
  at?: string
  note?: string
}

export interface PlaybookStep {
  id: string
  clause: string
  role: Role
  /** In the reader's language. */
  text: string
  state: StepState
  dueAt?: string
  by?: string
  at?: string
  reason?: string
  compliance: Compliance
  calls?: CallParty[]
}

export interface TimerLevel {
  level: number
  state: LevelState
  dueAt: string
  audience: Party[]
  ackWithin?: string
  /** The id of the `escalation.fired` entry, once fired. */
  firing?: string
  firedAt?: string
  acknowledgedAt?: string
  acknowledgedBy?: string
  cancelledAt?: string
  cancelReason?: string
}

export interface PlaybookTimer {
  id: string
  clause: string
  unless?: 'resolved' | 'acknowledged'
  compliance: Compliance
  levels: TimerLevel[]
}

/** GET /api/incidents/{id}/playbook */
export interface IncidentPlaybook {
  incidentId: string
  kind: IncidentKind
  playbookVersion: number
  startedAt: string
  resolvedAt?: string
  steps: PlaybookStep[]
  timers: PlaybookTimer[]
  callTree: CallParty[]
  compliance: Record<Compliance, number>
}

/** GET /api/playbooks, /api/playbooks/{kind}/versions */
export interface PlaybookVersion {
  kind: IncidentKind
  version: number
  createdAt: string
  createdBy: string
}

/** Where the playbook on screen came from. */
export type PlaybookSource = 'live' | 'cached' | 'none'

/** A step as shown: the server's state, with what this device recorded and the server has not answered yet. */
export type StepShown = StepState | 'waiting'
export type CallShown = CallState | 'waiting'
export type LevelShown = LevelState | 'waiting'

export interface StepView {
  step: PlaybookStep
  state: StepShown
  /** What is waiting to be sent for this step. */
  waiting: 'done' | 'skipped' | null
  /** Who and when, and the reason of a skip, as far as known (the device's own mark until the server has it). */
  by?: string
  at?: string
  reason?: string
  canWork: boolean
}

export interface CallView {
  party: CallParty
  state: CallShown
  waiting: 'reached' | 'unreached' | null
  by?: string
  at?: string
  note?: string
}

export interface LevelView {
  timer: PlaybookTimer
  level: TimerLevel
  state: LevelShown
  canAcknowledge: boolean
}

/** GET /api/incidents/{id}/deliveries */
export type DeliveryState = 'pending' | 'sent' | 'failed' | 'given_up'

export interface Delivery {
  id: string
  entry: string
  kind: string
  recipient: string
  channel: string
  address?: string
  state: DeliveryState
  attempts: number
  nextAttemptAt?: string
  lastError?: string
  sentAt?: string
  createdAt: string
}

/** One problem the server found in a playbook: `{"field":"timers[0].after","message":"Line 11: …"}`. */
export interface PlaybookProblem {
  field: string
  message: string
  line: number | null
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed'
