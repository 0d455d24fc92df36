import type { Role, User } from './types'

/** What a person may do in the app; the server checks the same rules again. */
export type Ability =
  | 'acknowledge'
  | 'note'
  | 'resolve'
  | 'playbook'
  | 'calls'
  | 'deliveries'
  | 'administer'
  | 'media'
  | 'mediaLead'
  | 'moveSeats'
  | 'faults'
  | 'fixEquipment'
  | 'announce'
  | 'planOutage'
  | 'tickPlan'
  | 'editRoster'
  | 'reviews'
  | 'reviewWrite'
  | 'reviewApprove'
  | 'reports'
  | 'feedback'
  | 'capture'
  | 'backfill'
  | 'knowledgeEdit'
  | 'presenceDecide'
  | 'callbackDesk'
  | 'traffic'
  | 'outboundPlan'
  | 'outboundImport'
  | 'outboundApply'
  | 'staffProposal'
  | 'staffMove'
  | 'divert'
  | SafetyAbility

/** Evacuation, alarm zones, supplies and drills (issue 10). */
type SafetyAbility = 'triage' | 'marshal' | 'closeRollCall' | 'zones' | 'countSupplies' | 'drill'

const ABILITIES: Record<Ability, readonly Role[]> = {
  acknowledge: ['supervisor', 'manager', 'admin'],
  note: ['supervisor', 'manager', 'leadership', 'maintenance', 'admin'],
  resolve: ['manager', 'admin'],
  playbook: ['supervisor', 'manager', 'leadership', 'maintenance', 'spokesperson', 'admin'],
  calls: ['supervisor', 'manager', 'admin'],
  deliveries: ['supervisor', 'manager', 'leadership', 'admin'],
  administer: ['admin'],
  media: ['manager', 'leadership', 'spokesperson', 'admin'],
  mediaLead: ['leadership'],
  moveSeats: ['supervisor', 'manager', 'admin'],
  faults: ['maintenance', 'supervisor', 'manager', 'admin'],
  fixEquipment: ['maintenance', 'manager', 'admin'],
  announce: ['manager', 'leadership', 'admin'],
  planOutage: ['manager', 'admin'],
  tickPlan: ['supervisor', 'manager', 'maintenance', 'admin'],
  editRoster: ['supervisor', 'manager', 'admin'],
  triage: ['supervisor', 'manager', 'admin'],
  marshal: ['supervisor', 'manager', 'admin'],
  closeRollCall: ['manager', 'admin'],
  zones: ['supervisor', 'manager', 'maintenance', 'admin'],
  countSupplies: ['supervisor', 'manager', 'maintenance', 'admin'],
  drill: ['supervisor', 'manager', 'admin'],
  reviews: ['supervisor', 'manager', 'leadership', 'admin'],
  reviewWrite: ['manager'],
  reviewApprove: ['leadership'],
  reports: ['manager', 'leadership', 'admin'],
  feedback: ['supervisor', 'manager', 'leadership', 'maintenance', 'admin'],
  capture: ['agent', 'supervisor', 'manager', 'admin'],
  backfill: ['supervisor', 'manager', 'admin'],
  knowledgeEdit: ['manager', 'admin'],
  presenceDecide: ['supervisor', 'manager', 'admin'],
  callbackDesk: ['supervisor', 'manager', 'leadership', 'admin'],
  traffic: ['supervisor', 'manager', 'leadership', 'admin'],
  outboundPlan: ['supervisor', 'manager', 'leadership', 'admin'],
  outboundImport: ['supervisor', 'manager', 'admin'],
  outboundApply: ['manager', 'admin'],
  staffProposal: ['supervisor', 'manager', 'admin'],
  staffMove: ['manager', 'admin'],
  divert: ['manager', 'admin'],
}

/** Roles that may work any step and acknowledge any escalation, whoever else it is for. */
export const OVERSEERS: readonly Role[] = ['manager', 'admin']

/** Whether a person is one of the parties (`role:…`, `user:…`) or an overseer. */
export function isFor(user: User | null, parties: readonly string[]): boolean {
  if (!user) return false
  if (user.roles.some((role) => OVERSEERS.includes(role))) return true
  return parties.some((p) => p === `user:${user.username}` || user.roles.some((role) => p === `role:${role}`))
}

export function can(user: User | null, ability: Ability): boolean {
  return !!user && user.roles.some((role) => ABILITIES[ability].includes(role))
}

/** Agents land on the report grid, everyone else on the board. */
export function homePath(user: User | null): string {
  if (!user) return '/login'
  return user.roles.every((role) => role === 'agent') ? '/report' : '/board'
}
