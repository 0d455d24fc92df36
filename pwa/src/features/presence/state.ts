import type { OutboxRow } from '@/offline/db'
import type { PresenceState } from './types'

/**
 * A person's own state with what this device recorded and has not sent yet: an unsent request means "asked", an
 * unsent return "present", an unsent absence "away". The server's word counts once it has answered.
 */
export function shownState(server: PresenceState, waiting: readonly OutboxRow[]): PresenceState {
  let state = server
  const mine = [...waiting].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
  for (const row of mine) {
    if (row.status !== 'waiting') continue
    if (row.kind === 'presence.leave-requested') state = 'asked'
    else if (row.kind === 'presence.returned') state = 'present'
    else if (row.kind === 'presence.away' && !row.payload.username) state = 'away'
  }
  return state
}
