import { describe, expect, it } from 'vitest'
import type { OutboxRow } from '@/offline/db'
import { telHref } from '@/composables/use-format'
import type { CallbackTask } from '../types'
import { byUrgency, worked } from '../work'

function task(id: string, over: Partial<CallbackTask> = {}): CallbackTask {
  return {
    id,
    name: 'Zhang San',
    phone: '138 0013 8000',
    matter: 'Bill charged twice',
    category: 'billing',
    dueAt: '2026-11-29T10:00:00Z',
    owner: 'agent1',
    attempts: 0,
    maxAttempts: 3,
    state: 'open',
    overdue: false,
    capturedBy: 'agent2',
    capturedAt: '2026-11-29T09:00:00Z',
    ...over,
  }
}

function attempt(taskId: string, outcome: 'reached' | 'no-answer', status: OutboxRow['status'] = 'waiting'): OutboxRow {
  return {
    id: `${taskId}-${outcome}-${Math.random()}`,
    kind: 'callback.attempted',
    payload: { taskId, outcome },
    actor: 'agent1',
    recordedAt: '2026-11-29T09:30:00Z',
    status,
    attempts: 0,
  }
}

describe('callbacks on the device', () => {
  it('dials the number as typed, without spaces or dashes', () => {
    expect(telHref('138 0013-8000')).toBe('tel:13800138000')
    expect(telHref('+86 (21) 5555 0100')).toBe('tel:+862155550100')
  })

  it('counts in the attempts still waiting to be sent, by the server’s rule', () => {
    const [a, b, c] = worked(
      [task('a'), task('b', { attempts: 2 }), task('c')],
      [attempt('a', 'reached'), attempt('b', 'no-answer'), attempt('c', 'no-answer', 'sent')],
    )
    expect(a).toMatchObject({ shownState: 'reached', attempts: 1, waiting: 1 })
    // the last allowed attempt closes it unreached
    expect(b).toMatchObject({ shownState: 'failed', attempts: 3, waiting: 1 })
    // sent ones are the server's to count
    expect(c).toMatchObject({ shownState: 'open', attempts: 0, waiting: 0 })
  })

  it('puts overdue open tasks first and closed ones last', () => {
    const list = worked(
      [task('late', { overdue: true, dueAt: '2026-11-29T11:00:00Z' }), task('done', { state: 'reached' }), task('soon')],
      [],
    ).sort(byUrgency)
    expect(list.map((t) => t.id)).toEqual(['late', 'soon', 'done'])
  })
})
