import { describe, expect, it } from 'vitest'
import type { OutboundOutcome } from '@/api/entries'
import type { OutboxRow } from '@/offline/db'
import type { OutboundTask } from '../types'
import { byImportance, movesByAgent, worked } from '../work'

function task(id: string, over: Partial<OutboundTask> = {}): OutboundTask {
  return {
    id,
    day: '2026-12-01',
    campaign: 'Renewals',
    customerName: 'Wang Fang',
    phone: '+8613800138000',
    priority: 2,
    dueAt: '2026-12-01T04:00:00Z',
    assignee: 'agent5',
    attempts: 0,
    maxAttempts: 3,
    state: 'open',
    overdue: false,
    atRisk: false,
    ...over,
  }
}

let n = 0
function call(taskId: string, outcome: OutboundOutcome, status: OutboxRow['status'] = 'waiting'): OutboxRow {
  n++
  return {
    id: `call-${n}`,
    kind: 'outbound.attempted',
    payload: { taskId, outcome },
    actor: 'agent5',
    recordedAt: '2026-12-01T02:00:00Z',
    status,
    attempts: 0,
  }
}

describe('outbound calls on the device', () => {
  it('counts in the calls still waiting to be sent, by the server’s rule', () => {
    const [done, refused, tries, other] = worked(
      [task('a'), task('b'), task('c', { attempts: 1 }), task('d')],
      [
        call('a', 'done'),
        call('b', 'refused'),
        call('c', 'no-answer'),
        call('c', 'busy'),
        // sent already: the server's view of the task counts it
        call('d', 'no-answer', 'sent'),
      ],
    )
    expect(done).toMatchObject({ shownState: 'done', attempts: 1, waiting: 1, lastOutcome: 'done' })
    expect(refused).toMatchObject({ shownState: 'closed', waiting: 1 })
    expect(tries).toMatchObject({ shownState: 'closed', attempts: 3, waiting: 2, lastOutcome: 'busy' })
    expect(other).toMatchObject({ shownState: 'open', attempts: 0, waiting: 0 })
  })

  it('stops counting at a closed task, as the server would refuse the rest', () => {
    const [t] = worked([task('a')], [call('a', 'wrong-number'), call('a', 'done')])
    expect(t).toMatchObject({ shownState: 'closed', attempts: 1, waiting: 2 })
  })

  it('lists open calls most important first, then by due time, closed ones last', () => {
    const list = worked(
      [
        task('late', { priority: 1, dueAt: '2026-12-01T09:00:00Z' }),
        task('closed', { priority: 1, state: 'done' }),
        task('low', { priority: 5, dueAt: '2026-12-01T01:00:00Z' }),
        task('soon', { priority: 1, dueAt: '2026-12-01T03:00:00Z' }),
      ],
      [],
    ).sort(byImportance)
    expect(list.map((t) => t.id)).toEqual(['soon', 'late', 'low', 'closed'])
  })

  it('groups a reallocation by the agent who gains the calls, nobody last', () => {
    const groups = movesByAgent([{ to: 'agent6' }, { to: undefined }, { to: 'agent2' }, { to: 'agent6' }])
    expect(groups.map((g) => [g.to, g.moves.length])).toEqual([
      ['agent2', 1],
      ['agent6', 2],
      [null, 1],
    ])
  })
})
