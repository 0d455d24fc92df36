/** GET /api/supplies: one kind of supplies at a site. */
export interface SupplyItem {
  kind: string
  quantity: number
  required: number
  missing: number
  perSeats?: number
  atLeast: number
  countedBy?: string
  countedAt?: string
  note?: string
}

export interface Readiness {
  site: string
  seats: number
  ready: boolean
  items: SupplyItem[]
}

/** The kinds the app names in words; others show their code. */
export const KNOWN_KINDS = ['fan', 'torch', 'ups', 'first_aid', 'megaphone', 'vest', 'water'] as const

/** PUT /api/supplies/{site}/rules/{kind}: either or both; left out means no such part of the rule. */
export interface RuleBody {
  perSeats?: number
  atLeast?: number
}
