export type Channel = 'voice' | 'chat'
export type DiversionChannel = 'ivr' | 'chat' | 'script'
export type SurgeState = 'open' | 'ended'
export type SurgeAction = 'opened' | 'proposed' | 'replayed'

export interface Queue {
  code: string
  name: string
  channel: Channel
  intervalSeconds: number
  target: number
  answerWithin: number
  patience?: number | null
}

export interface Point {
  at: string
  offered: number
  expected?: number
  staffed?: number
  required: number
  serviceLevel?: number
  asa?: number
  waitingNow?: number
  longestWait?: number
  abandoned?: number
}

export interface Surge {
  id: string
  queue: string
  startedAt: string
  detectedAt: string
  endedAt?: string
  peakAt: string
  peakOffered: number
  peakExpected: number
  peakZ: number
  score: number
  state: SurgeState
  action: SurgeAction
  incidentId?: string
}

export interface QueueStatus {
  queue: Queue
  now?: Point
  recent: Point[]
  forecast: Point[]
  surge?: Surge
}

export interface DiversionMessage {
  id: string
  channel: DiversionChannel
  title: string
  texts: Partial<Record<'zh-CN' | 'en' | 'zh-TW', string>>
  approvedBy?: string
  incidentId?: string
  activatedAt?: string
}

/** Someone on shift (GET /api/roster, and the candidates of a proposal). */
export interface StaffShift {
  id: string
  username: string
  displayName: string
  site: string
  startsAt: string
  endsAt: string
  position: string
  skills: string[]
}

/** Who could be pulled onto a queue now, its gap (required minus staffed), and who would close it (S7.1). */
export interface StaffProposal {
  queue: string
  gap: number
  candidates: StaffShift[]
  proposed: string[]
}

/** A person pulled onto a queue for an incident, from their own position; `returnedAt` once sent back. */
export interface StaffMove {
  id: string
  username: string
  queue: string
  incidentId: string
  position: string
  movedBy: string
  movedAt: string
  returnedBy?: string
  returnedAt?: string
}

/** The journal's answer for one entry of a move or a return, in the order the people were named. */
export interface JournalAnswer {
  id?: string
  status: 'stored' | 'duplicate' | 'refused'
  seq?: number
  incident?: string
  reason?: string
}
