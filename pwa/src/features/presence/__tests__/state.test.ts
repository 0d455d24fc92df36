import { describe, expect, it } from 'vitest'
import type { OutboxRow } from '@/offline/db'
import { shownState } from '../state'

function row(kind: OutboxRow['kind'], at: string, status: OutboxRow['status'] = 'waiting', username?: string): OutboxRow {
  const payload =
    kind === 'presence.leave-requested'
      ? { reason: 'restroom', expectedBackAt: '2026-11-29T10:10:00Z' }
      : kind === 'presence.away'
        ? username
          ? { username }
          : {}
        : {}
  return { id: `${kind}-${at}`, kind, payload, actor: 'agent1', recordedAt: at, status, attempts: 0 } as OutboxRow
}

describe('one’s own presence on the device', () => {
  it('shows what was recorded here before the server has it', () => {
    expect(shownState('present', [row('presence.leave-requested', '2026-11-29T10:00:00Z')])).toBe('asked')
    expect(shownState('on_leave', [row('presence.returned', '2026-11-29T10:00:00Z')])).toBe('present')
    expect(shownState('present', [row('presence.away', '2026-11-29T10:00:00Z')])).toBe('away')
  })

  it('takes the latest of several, and leaves the server’s word when nothing waits', () => {
    expect(
      shownState('present', [row('presence.returned', '2026-11-29T10:05:00Z'), row('presence.away', '2026-11-29T10:00:00Z')]),
    ).toBe('present')
    expect(shownState('on_leave', [row('presence.returned', '2026-11-29T10:00:00Z', 'sent')])).toBe('on_leave')
    // marking someone else away says nothing about oneself
    expect(shownState('present', [row('presence.away', '2026-11-29T10:00:00Z', 'waiting', 'agent2')])).toBe('present')
  })
})
