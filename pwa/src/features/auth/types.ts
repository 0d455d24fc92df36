export const ROLES = ['agent', 'supervisor', 'manager', 'leadership', 'maintenance', 'spokesperson', 'admin'] as const

export type Role = (typeof ROLES)[number]

/** GET /api/auth/me */
export interface User {
  username: string
  displayName: string
  roles: Role[]
  team?: string
  seat?: string
}

export interface Credentials {
  username: string
  password: string
}

/** The session as the device sees it: a remembered person whose server session may have lapsed. */
export type SessionState = 'signed-out' | 'signed-in' | 'expired'

export type LoginStatus = 'idle' | 'submitting' | 'refused' | 'offline' | 'failed'
