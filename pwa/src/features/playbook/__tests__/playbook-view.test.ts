import { describe, expect, it } from 'vitest'
import type { User } from '@/features/auth/types'
import { callViews, canMarkCalls, canSeeDeliveries, levelViews, lineRange, problemLine, stepViews, toProblems } from '../playbook-view'
import { powerPlaybook, row } from './fixtures'

const person = (username: string, ...roles: User['roles']): User => ({ username, displayName: username, roles })
const manager = person('manager', 'manager')
const it1 = person('it', 'maintenance')
const leader = person('leader', 'leadership')
const lead1 = person('lead1', 'supervisor')
const agent = person('agent1', 'agent')

describe('the checklist as shown', () => {
  it('shows each step in the server’s state when nothing is waiting on the device', () => {
    const views = stepViews(powerPlaybook(), [], manager)
    expect(views.map((v) => [v.step.id, v.state])).toEqual([
      ['call-relevant-people', 'open'],
      ['help-repair', 'overdue'],
      ['keep-staff-calm', 'done'],
    ])
    expect(views[2]).toMatchObject({ by: 'lead1', at: '2026-11-29T08:02:00Z' })
  })

  it('shows a mark recorded here as waiting until the server has it, then as the server will show it', () => {
    const done = row({ kind: 'step.done', payload: { step: 'call-relevant-people' } })
    expect(stepViews(powerPlaybook(), [done], manager)[0]).toMatchObject({ state: 'waiting', waiting: 'done' })
    const sent = { ...done, status: 'sent' as const }
    expect(stepViews(powerPlaybook(), [sent], manager)[0]).toMatchObject({ state: 'done', waiting: null, by: 'manager' })
  })

  it('keeps the reason of a skip, and never lets a skip override a done step', () => {
    const skip = row({ kind: 'step.skipped', payload: { step: 'help-repair', reason: 'vendor on site' }, status: 'sent' })
    expect(stepViews(powerPlaybook(), [skip], manager)[1]).toMatchObject({ state: 'skipped', reason: 'vendor on site' })
    const late = row({ kind: 'step.skipped', payload: { step: 'keep-staff-calm', reason: 'x' } })
    expect(stepViews(powerPlaybook(), [late], manager)[2]).toMatchObject({ state: 'done', waiting: null })
  })

  it('ignores refused marks and marks about other incidents', () => {
    const refused = row({ kind: 'step.done', payload: { step: 'call-relevant-people' }, status: 'refused' })
    const other = row({ kind: 'step.done', payload: { step: 'call-relevant-people' }, incident: 'inc-other' })
    expect(stepViews(powerPlaybook(), [refused, other], manager)[0]?.state).toBe('open')
  })

  it('lets the step’s role, a manager or an admin work a step, and nobody else', () => {
    const canWork = (user: User | null) => stepViews(powerPlaybook(), [], user).map((v) => v.canWork)
    expect(canWork(manager)).toEqual([true, true, true])
    expect(canWork(person('admin', 'admin'))).toEqual([true, true, true])
    expect(canWork(it1)).toEqual([false, true, false])
    expect(canWork(lead1)).toEqual([false, false, true])
    expect(canWork(leader)).toEqual([false, false, false])
    expect(canWork(null)).toEqual([false, false, false])
  })
})

describe('the call tree as shown', () => {
  it('keeps the order and shows the latest mark, waiting ones as waiting', () => {
    const reached = row({ kind: 'call.reached', payload: { contact: 'contact:facilities' } })
    const views = callViews(powerPlaybook(), [reached])
    expect(views.map((v) => [v.party.target, v.state])).toEqual([
      ['contact:facilities', 'waiting'],
      ['contact:property', 'unreached'],
    ])
    expect(views[0]?.waiting).toBe('reached')
    expect(callViews(powerPlaybook(), [{ ...reached, status: 'sent' }])[0]).toMatchObject({ state: 'reached', by: 'manager' })
  })

  it('lets supervisors, managers and admins mark calls', () => {
    expect([manager, lead1, person('admin', 'admin'), leader, it1, agent].map(canMarkCalls)).toEqual([true, true, true, false, false, false])
  })
})

describe('the timers as shown', () => {
  it('offers the acknowledgement of a fired level to its audience, managers and admins only', () => {
    const ack = (user: User) => levelViews(powerPlaybook(), [], user).map((v) => v.canAcknowledge)
    expect(ack(leader)).toEqual([true, false])
    expect(ack(manager)).toEqual([true, false])
    expect(ack(it1)).toEqual([false, false])
    expect(ack(person('someone', 'agent'))).toEqual([false, false])
    const byName = powerPlaybook()
    byName.timers[0]!.levels[0]!.audience = ['user:it']
    expect(levelViews(byName, [], it1)[0]?.canAcknowledge).toBe(true)
  })

  it('shows an acknowledgement recorded here as waiting, and offers it no more', () => {
    const ack = row({ kind: 'escalation.acknowledged', payload: { firing: 'fire-1' } })
    const [first, second] = levelViews(powerPlaybook(), [ack], leader)
    expect(first).toMatchObject({ state: 'waiting', canAcknowledge: false })
    expect(second?.state).toBe('pending')
    expect(levelViews(powerPlaybook(), [{ ...ack, status: 'sent' }], leader)[0]?.state).toBe('acknowledged')
  })

  it('shows deliveries to supervisors, managers, leadership and admins', () => {
    expect([manager, lead1, leader, person('admin', 'admin'), it1, agent].map(canSeeDeliveries)).toEqual([true, true, true, true, false, false])
  })
})

describe('playbook problems', () => {
  it('reads the line each message names, in English and Chinese, nearest first', () => {
    expect(problemLine('Line 11: bad duration')).toBe(11)
    expect(problemLine('第 3 行第 1 列：不是有效的 YAML。')).toBe(3)
    expect(problemLine('kind must be power')).toBeNull()
    expect(
      toProblems([
        { field: 'timers[0].after', message: 'Line 10: x' },
        { field: 'kind', message: 'no line' },
        { field: 'steps[0].role', message: 'Line 5: y' },
      ]).map((p) => [p.field, p.line]),
    ).toEqual([
      ['steps[0].role', 5],
      ['timers[0].after', 10],
      ['kind', null],
    ])
  })

  it('finds a line to select in the editor', () => {
    const text = 'kind: power\nsteps:\n  - id: x\n'
    expect(lineRange(text, 1)).toEqual([0, 11])
    expect(text.slice(...lineRange(text, 3))).toBe('  - id: x')
    expect(lineRange(text, 9)).toEqual([text.length, text.length])
  })
})
