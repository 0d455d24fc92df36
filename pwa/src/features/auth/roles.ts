import type { Role, User } from './types'

/** What a person may do in the app; the server checks the same rules again. */
export type Ability = 'acknowledge' | 'note' | 'resolve'

const ABILITIES: Record<Ability, readonly Role[]> = {
  acknowledge: ['supervisor', 'manager', 'admin'],
  note: ['supervisor', 'manager', 'leadership', 'maintenance', 'admin'],
  resolve: ['manager', 'admin'],
}

export function can(user: User | null, ability: Ability): boolean {
  return !!user && user.roles.some((role) => ABILITIES[ability].includes(role))
}

/** Agents land on the report grid, everyone else on the board. */
export function homePath(user: User | null): string {
  if (!user) return '/login'
  return user.roles.every((role) => role === 'agent') ? '/report' : '/board'
}
