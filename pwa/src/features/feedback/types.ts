/** What rose: a phrase customers use, or a wrap-up reason code. */
export type KeyKind = 'phrase' | 'reason'
export type ProblemState = 'open' | 'confirmed' | 'dismissed'
export type ProblemFilter = ProblemState | 'all'
export type FlagState = 'editing' | 'waiting' | 'sent' | 'refused'

export interface Point {
  at: string
  current: number
  expected: number
}

export interface LiveKey {
  kind: KeyKind
  label: string
  current: number
  expected: number
  ratio: number
  series: Point[]
}

export interface Live {
  at: string
  volume: number
  volumeSeries: Point[]
  keys: LiveKey[]
  contactsSeen: number
}

export interface Sample {
  id: string
  at: string
  reason?: string | null
  product?: string | null
  text?: string | null
  flag: boolean
}

export interface SuspectedProblem {
  id: string
  kind: KeyKind
  label: string
  product?: string | null
  reason?: string | null
  contacts: number
  flags: number
  current: number
  expected: number
  ratio: number
  firstSeen: string
  raisedAt: string
  lastSeen: string
  samples: Sample[]
  department?: string | null
  departmentName?: string | null
  audience: string[]
  answerDueAt: string
  escalatedAt?: string | null
  state: ProblemState
  answeredBy?: string | null
  answeredAt?: string | null
  verifySeconds?: number | null
  incident?: string | null
  note?: string | null
}
