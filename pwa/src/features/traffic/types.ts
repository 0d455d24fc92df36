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
