import { describe, expect, it } from 'vitest'
import type { OutboxRow } from '@/offline/db'
import { byUrgency, countsOf, settle, withLocalMarks } from '../marks'
import type { RollCall, RollCallPerson } from '../types'

const person = (username: string, status: RollCallPerson['status'] = 'unknown'): RollCallPerson => ({
  username,
  displayName: username.toUpperCase(),
  listed: true,
  status,
  marks: status === 'unknown' ? 0 : 1,
})

function rollCall(people: RollCallPerson[], total = people.length): RollCall {
  return {
    incident: 'fire-1',
    site: 'hq',
    drill: false,
    state: 'open',
    assemblyPoint: 'East plaza',
    startedAt: '2026-11-29T08:00:00Z',
    startedBy: 'manager',
    counts: { ...countsOf(people), total },
    people,
    lastSeq: 10,
  }
}

function mark(username: string, status: 'safe' | 'absent' | 'missing', state: OutboxRow['status'] = 'waiting', incident = 'fire-1'): OutboxRow {
  return {
    id: `${username}-${status}-${state}`,
    kind: 'rollcall.marked',
    payload: { username, status },
    incident,
    actor: 'lead1',
    recordedAt: '2026-11-29T08:05:00Z',
    status: state,
    attempts: 0,
  }
}

describe('roll-call marks on a device', () => {
  it('a mark only ever raises a status: safe over not on site over missing over unknown', () => {
    expect(settle('unknown', 'missing')).toBe('missing')
    expect(settle('missing', 'safe')).toBe('safe')
    expect(settle('safe', 'missing')).toBe('safe')
    expect(settle('absent', 'missing')).toBe('absent')
  })

  it('the tablet shows its waiting marks at once and counts each person once, however often marked', () => {
    const rc = rollCall([person('a'), person('b'), person('c', 'safe'), person('d')])
    const rows = [mark('a', 'safe'), mark('a', 'safe'), mark('b', 'missing'), mark('c', 'missing'), mark('d', 'safe', 'sent'), mark('a', 'safe', 'waiting', 'other')]
    const view = withLocalMarks(rc, rows)
    expect(view.waiting).toBe(4)
    expect(view.counts).toEqual({ total: 4, safe: 2, absent: 0, missing: 1, unknown: 1, accounted: 2 })
    expect(view.people.find((p) => p.username === 'a')).toMatchObject({ status: 'safe', pending: true })
    expect(view.people.find((p) => p.username === 'c')).toMatchObject({ status: 'safe', pending: false })
    expect([...view.people].sort(byUrgency).map((p) => p.username)).toEqual(['b', 'd', 'a', 'c'])
  })

  it('someone who is not a marshal holds only their own line, and keeps the server counts', () => {
    const rc = rollCall([person('me')], 120)
    const view = withLocalMarks(rc, [mark('me', 'safe')])
    expect(view.people[0]).toMatchObject({ status: 'safe', pending: true })
    expect(view.counts.total).toBe(120)
  })
})
