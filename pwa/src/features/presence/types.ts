export type PresenceState = 'present' | 'asked' | 'on_leave' | 'away'
export type AwayReason = 'self' | 'marked' | 'silent' | 'unseen'
export type RequestState = 'pending' | 'allowed' | 'refused' | 'returned'

/** One person on the duty list (GET /api/presence). */
export interface OnDuty {
  username: string
  displayName: string
  position?: string
  site?: string
  shiftEndsAt?: string
  state: PresenceState
  since?: string
  awayReason?: AwayReason
  request?: string
  reason?: string
  expectedBackAt?: string
  decidedBy?: string
  overdue: boolean
  lastSeenAt?: string
}

export interface LeaveRequest {
  id: string
  username: string
  reason: string
  expectedBackAt: string
  requestedAt: string
  incident?: string
  state: RequestState
  decidedBy?: string
  decidedAt?: string
  note?: string
  returnedAt?: string
}

export interface Mine {
  me: OnDuty
  requests: LeaveRequest[]
}

/** How long a person expects to be away, offered as one tap each. */
export const LEAVE_MINUTES = [5, 10, 15, 30, 60] as const
