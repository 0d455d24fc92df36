import type { CallbackOutcome } from '@/api/entries'

export const OUTCOMES: readonly CallbackOutcome[] = ['reached', 'no-answer', 'busy', 'wrong-number', 'left-message']

export type CallbackState = 'open' | 'reached' | 'failed'

export interface CallbackEvent {
  kind: 'assigned' | 'attempted' | 'reassigned'
  outcome?: CallbackOutcome
  note?: string
  actor: string
  to?: string
  at: string
}

/** A callback task as the API returns it. */
export interface CallbackTask {
  id: string
  incident?: string
  name: string
  phone: string
  accountId?: string
  matter: string
  category: string
  dueAt: string
  owner?: string
  attempts: number
  maxAttempts: number
  state: CallbackState
  overdue: boolean
  lastOutcome?: CallbackOutcome
  lastNote?: string
  lastAttemptAt?: string
  capturedBy: string
  capturedAt: string
  closedAt?: string
  history?: CallbackEvent[]
}

export interface CallbackCounts {
  total: number
  open: number
  overdue: number
  reached: number
  failed: number
  unassigned: number
  openByOwner: Record<string, number>
}

/** A task as the agent sees it: with the attempts still waiting in the outbox counted in. */
export interface WorkedTask extends CallbackTask {
  /** Attempts recorded on this device not yet acknowledged by the server. */
  waiting: number
  /** The state once the waiting attempts are counted. */
  shownState: CallbackState
}
