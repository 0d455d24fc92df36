import type { Role, User } from './types'

/** What a person may do in the app; the server checks the same rules again. */
export type Ability = 'acknowledge' | 'note' | 'resolve' | 'playbook' | 'calls' | 'deliveries' | 'administer' | 'media' | 'mediaLead' | 'traffic'

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
  traffic: ['supervisor', 'manager', 'leadership', 'admin'],
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
