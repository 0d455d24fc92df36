/** Power (docs/api.md, "Power"). */
export type OutageState = 'planned' | 'running' | 'over' | 'cancelled'
export type PlanArea = 'where' | 'queues' | 'switch' | 'other'
export const PLAN_AREAS: readonly PlanArea[] = ['where', 'queues', 'switch', 'other']

export interface Announcement {
  id: string
  text: string
  site?: string | null
  outage?: string | null
  postedBy: string
  postedAt: string
  active: boolean
}

export interface OutageItem {
  id: string
  area: PlanArea
  text: string
  done: boolean
  doneBy?: string | null
  doneAt?: string | null
}

export interface Outage {
  id: string
  site: string
  startsAt: string
  endsAt: string
  source?: string | null
  warnBefore: string[]
  state: OutageState
  startedAt?: string | null
  cancelledAt?: string | null
  createdBy: string
  createdAt: string
  warnings: { stage: string; dueAt: string; sentAt?: string | null }[]
  plan: OutageItem[]
}

export interface NewOutage {
  clientId: string
  site: string
  startsAt: string
  endsAt: string
  source?: string
  warnBefore: string[]
  plan: { area: PlanArea; text: string }[]
}
