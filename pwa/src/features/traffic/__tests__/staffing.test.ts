import { describe, expect, it } from 'vitest'
import { movedPeople, needsStaff, outcomeOf, preselect } from '../staffing'
import type { Point, QueueStatus, StaffMove, StaffShift } from '../types'

function shift(username: string, position: 'outbound' | 'support', displayName = username): StaffShift {
  return {
    id: `s-${username}`,
    username,
    displayName,
    site: 'hq',
    startsAt: '2026-11-29T00:00:00Z',
    endsAt: '2026-11-30T00:00:00Z',
    position,
    skills: ['voice', 'chat'],
  }
}

function status(code: string, name: string, now?: Partial<Point>, surge = false): QueueStatus {
  return {
    queue: { code, name, channel: 'voice', intervalSeconds: 900, target: 0.8, answerWithin: 20 },
    ...(now ? { now: { at: '2026-11-29T08:00:00Z', offered: 100, required: 10, ...now } } : {}),
    recent: [],
    forecast: [],
    ...(surge
      ? {
          surge: {
            id: 'g1', queue: code, startedAt: '', detectedAt: '', peakAt: '', peakOffered: 1, peakExpected: 1, peakZ: 1, score: 1,
            state: 'open' as const, action: 'opened' as const,
          },
        }
      : {}),
  }
}

function move(username: string, movedAt: string, extra: Partial<StaffMove> = {}): StaffMove {
  return { id: `m-${username}`, username, queue: 'demo-voice', incidentId: 'i1', position: 'outbound', movedBy: 'manager', movedAt, ...extra }
}

describe('S7.1 pulling staff onto the lines', () => {
  it('ticks the proposed people, in the order of the candidates, and nobody who is no longer a candidate', () => {
    const candidates = [shift('agent5', 'outbound'), shift('agent6', 'outbound'), shift('sup1', 'support')]
    expect(preselect({ queue: 'q', gap: 2, candidates, proposed: ['agent6', 'agent5'] })).toEqual(['agent5', 'agent6'])
    expect(preselect({ queue: 'q', gap: 5, candidates, proposed: ['agent6', 'gone'] })).toEqual(['agent6'])
    expect(preselect({ queue: 'q', gap: 0, candidates, proposed: [] })).toEqual([])
  })

  it('looks for staff unasked only for a queue that is short now or in a surge', () => {
    expect(needsStaff(status('q', 'Q', { staffed: 8, required: 10 }))).toBe(true)
    expect(needsStaff(status('q', 'Q', { staffed: 10, required: 10 }))).toBe(false)
    expect(needsStaff(status('q', 'Q', { staffed: 12, required: 10 }, true))).toBe(true)
    expect(needsStaff(status('q', 'Q', { required: 10 }))).toBe(false)
    expect(needsStaff(status('q', 'Q'))).toBe(false)
  })

  it('reads the answers of a move person by person, in the order they were named', () => {
    const outcome = outcomeOf(['agent5', 'agent1', 'agent6'], [
      { id: 'a', status: 'stored', seq: 7 },
      { id: 'b', status: 'refused', reason: 'agent1 is not on shift in outbound or support work.' },
      { id: 'c', status: 'duplicate', seq: 5 },
    ])
    expect(outcome.done).toEqual(['agent5', 'agent6'])
    expect(outcome.refused).toEqual([{ username: 'agent1', reason: 'agent1 is not on shift in outbound or support work.' }])
  })

  it('counts a person the server did not answer for as not moved', () => {
    expect(outcomeOf(['agent5', 'agent6'], [{ status: 'stored', seq: 1 }])).toEqual({
      done: ['agent5'],
      refused: [{ username: 'agent6', reason: '' }],
    })
  })

  it('lists who is on the lines with their name, the queue name and where they came from, longest there first', () => {
    const people = movedPeople(
      [
        move('agent6', '2026-11-29T08:10:00Z'),
        move('agent5', '2026-11-29T08:05:00Z', { position: 'support' }),
        move('agent4', '2026-11-29T08:00:00Z', { returnedAt: '2026-11-29T08:30:00Z', returnedBy: 'manager' }),
        move('ghost', '2026-11-29T08:20:00Z', { queue: 'gone-queue' }),
      ],
      [shift('agent5', 'support', 'Agent Five'), shift('agent6', 'outbound', 'Agent Six')],
      [status('demo-voice', 'Hotline')],
    )
    expect(people.map((p) => [p.name, p.queueName, p.position])).toEqual([
      ['Agent Five', 'Hotline', 'support'],
      ['Agent Six', 'Hotline', 'outbound'],
      ['ghost', 'gone-queue', 'outbound'],
    ])
  })
})
