import type { DiversionEntryKind, DiversionSwitchPayload } from '@/api/entries'
import type { OutboxRow } from '@/offline/db'
import type { DiversionMessage } from './types'

type DiversionRow = Extract<OutboxRow, { kind: DiversionEntryKind }>

const isSwitchOf = (message: string) => (row: OutboxRow): row is DiversionRow =>
  (row.kind === 'diversion.activated' || row.kind === 'diversion.deactivated') && row.payload.message === message

/** A diversion switch as shown: on or off, whether that is still waiting to be sent, and why the server refused the last flip. */
export interface SwitchView {
  on: boolean
  pending: boolean
  refusal: string | null
}

/**
 * The switch of one message, from the library (as loaded at `loadedAt`) and this device's outbox: a flip still waiting
 * shows what it asks for, marked pending; a flip the server took after the library was loaded shows what it did; a
 * refused flip leaves the library's state and shows the reason, until a later flip or switch-on replaces it.
 */
export function switchView(message: DiversionMessage, rows: readonly OutboxRow[], loadedAt: string): SwitchView {
  const mine = rows.filter(isSwitchOf(message.id)).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
  const live = !!message.incidentId
  const last = mine[0]
  if (!last) return { on: live, pending: false, refusal: null }
  if (last.status === 'waiting') return { on: last.kind === 'diversion.activated', pending: true, refusal: null }
  if (last.status === 'sent') {
    return { on: last.recordedAt > loadedAt ? last.kind === 'diversion.activated' : live, pending: false, refusal: null }
  }
  const stale = live && !!message.activatedAt && message.activatedAt > last.recordedAt
  return { on: live, pending: false, refusal: stale ? null : last.reason || null }
}

/** The entry that flips a switch. */
export interface SwitchEntry {
  kind: DiversionEntryKind
  payload: DiversionSwitchPayload
  incident?: string
}

/**
 * Flipping a message shown on switches it off (for the incident it is live for); flipping one shown off switches it
 * on for the surge incident, and without one there is nothing to switch it on for (null).
 */
export function switchEntry(message: DiversionMessage, shownOn: boolean, surgeIncident: string | null): SwitchEntry | null {
  if (shownOn) {
    return { kind: 'diversion.deactivated', payload: { message: message.id }, ...(message.incidentId ? { incident: message.incidentId } : {}) }
  }
  if (!surgeIncident) return null
  return { kind: 'diversion.activated', payload: { message: message.id }, incident: surgeIncident }
}
