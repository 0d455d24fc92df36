/** The roster (docs/api.md, "Roster"). */
export type Position = 'inbound' | 'outbound' | 'chat' | 'support' | 'supervisor' | 'manager' | 'maintenance' | 'other'
export const POSITIONS: readonly Position[] = ['inbound', 'outbound', 'chat', 'support', 'supervisor', 'manager', 'maintenance', 'other']

export interface Shift {
  id: string
  username: string
  displayName: string
  site: string
  startsAt: string
  endsAt: string
  position: Position
  skills: string[]
}

export interface NewShift {
  username: string
  site: string
  startsAt: string
  endsAt: string
  position: Position
  skills: string[]
}

export interface ImportResult {
  added: number
  errors: { line: number; field: string; message: string }[]
}
