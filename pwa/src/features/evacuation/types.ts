/** A mark a person or a marshal gives (docs/api.md). */
export type MarkStatus = 'safe' | 'absent' | 'missing'
/** Where a person of a roll call stands: a mark, or nothing yet. */
export type PersonStatus = MarkStatus | 'unknown'
export type TriageAnswer = 'fault' | 'test' | 'real'
export type ZoneStateName = 'normal' | 'alarm' | 'fault' | 'isolated' | 'disabled' | 'test'
export type RollCallState = 'open' | 'closed'

export const MARKS: readonly MarkStatus[] = ['safe', 'absent', 'missing']
export const ANSWERS: readonly TriageAnswer[] = ['fault', 'test', 'real']
export const ZONE_STATES: readonly ZoneStateName[] = ['normal', 'alarm', 'fault', 'isolated', 'disabled', 'test']

export interface Counts {
  total: number
  safe: number
  absent: number
  missing: number
  unknown: number
  accounted: number
}

export interface RollCallPerson {
  username: string
  displayName: string
  position?: string
  listed: boolean
  status: PersonStatus
  markedBy?: string
  markedAt?: string
  via?: 'self' | 'marshal'
  marks: number
}

/** GET /api/incidents/{id}/rollcall */
export interface RollCall {
  incident: string
  site: string
  drill: boolean
  state: RollCallState
  assemblyPoint: string
  procedure?: string
  startedAt: string
  startedBy: string
  closedAt?: string
  closedBy?: string
  closeReason?: string
  counts: Counts
  people: RollCallPerson[]
  lastSeq: number
}

export interface PropertyContact {
  id: string
  name: string
  organization: string
  category: string
  phone?: string
  email?: string
}

/** GET /api/incidents/{id}/fire */
export interface FireTriage {
  incident: string
  drill: boolean
  answer?: TriageAnswer
  answeredBy?: string
  answeredAt?: string
  note?: string
  site: string
  assemblyPoint: string
  propertyContacts: PropertyContact[]
  rollCall: boolean
}

/** GET /api/alarm/zones */
export interface AlarmZone {
  site: string
  code: string
  name: string
  floor?: string
  state: ZoneStateName
  normal: boolean
  changedBy?: string
  changedAt?: string
  note?: string
}

export interface EvacuationSite {
  code: string
  name: string
  assemblyPoint: string
  procedure: string
  updatedBy?: string
  updatedAt?: string
}

/** PUT /api/evacuation/sites/{code} (at most 100, 500 and 4000 characters). */
export interface SiteBody {
  name: string
  assemblyPoint: string
  procedure: string
}

/** PUT /api/alarm/zones/{site}/{code} (a name of at most 100 characters, a floor of at most 20). */
export interface ZoneBody {
  name: string
  floor?: string
}

/** GET /api/roster?site= (the shared roster) */
export interface ShiftRow {
  id: string
  username: string
  displayName: string
  site: string
  position: string
}
