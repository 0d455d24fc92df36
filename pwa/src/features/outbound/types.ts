import type { OutboundOutcome } from '@/api/entries'

export const OUTCOMES: readonly OutboundOutcome[] = ['done', 'no-answer', 'busy', 'call-later', 'refused', 'wrong-number']
/** Outcomes that close a task at once without it being done (as the server rules). */
export const CLOSING: readonly OutboundOutcome[] = ['refused', 'wrong-number']

export type OutboundState = 'open' | 'done' | 'closed'

/** A planned outbound call as the API returns it. */
export interface OutboundTask {
  id: string
  day: string
  campaign: string
  customerName: string
  phone: string
  priority: number
  dueAt: string
  skill?: string
  note?: string
  assignee?: string
  attempts: number
  maxAttempts: number
  state: OutboundState
  overdue: boolean
  /** When its agent should reach it, working their list in order; absent when nobody working outbound has it. */
  expectedBy?: string
  /** Open, and not expected to be reached before it is due. */
  atRisk: boolean
  lastOutcome?: OutboundOutcome
  lastNote?: string
  lastAttemptAt?: string
  closedAt?: string
}

/** A call as its agent sees it: with the calls still waiting in the outbox counted in. */
export interface WorkedCall extends OutboundTask {
  waiting: number
  shownState: OutboundState
}

export interface Plan {
  day: string
  total: number
  open: number
  done: number
  closed: number
  unassigned: number
  overdue: number
  atRisk: number
  openByAgent: Record<string, number>
  tasks: OutboundTask[]
}

export interface PlanImport {
  planned: number
  assigned: number
  unassigned: number
  errors: { line: number; field: string; message: string }[]
}

export interface Move {
  taskId: string
  campaign: string
  customerName: string
  priority: number
  dueAt: string
  skill?: string
  from?: string
  to?: string
}

export interface AgentLoad {
  username: string
  displayName: string
  capacity: number
  availableFrom: string
  until: string
  skills: string[]
  before: number
  after: number
}

export interface Reallocation {
  basis: string
  needed: boolean
  computedAt: string
  open: number
  covered: number
  uncoveredCount: number
  moves: Move[]
  agents: AgentLoad[]
  uncovered: Move[]
  pulled: string[]
  /** The surge the pulled agents were moved for: the reallocation is logged in it. */
  incident?: string
  orphaned: number
  unassigned: number
  /** Display names of everyone the proposal names. */
  names: Record<string, string>
}
