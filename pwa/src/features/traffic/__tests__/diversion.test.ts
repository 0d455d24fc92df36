import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StormdeskDb, type OutboxRow } from '@/offline/db'
import { recordEntry } from '@/offline/outbox'
import { SyncEngine } from '@/offline/sync'
import { FakeServer, json } from '@/offline/__tests__/fake-server'
import { switchEntry, switchView } from '../diversion'
import type { DiversionMessage } from '../types'

const IVR = '6f1c2b7e-3c55-4c2e-9a0c-1b2d3e4f5a6b'
const INCIDENT = '0d6a1f6e-2b9c-4f3e-8a7d-5c4b3a2f1e0d'

function message(extra: Partial<DiversionMessage> = {}): DiversionMessage {
  return { id: IVR, channel: 'ivr', title: 'Busy lines', texts: { en: 'Our lines are busy.' }, approvedBy: 'manager', ...extra }
}

function row(kind: 'diversion.activated' | 'diversion.deactivated', recordedAt: string, status: OutboxRow['status'], reason?: string, of = IVR): OutboxRow {
  return { id: `${kind}-${recordedAt}`, kind, payload: { message: of }, actor: 'manager', recordedAt, status, attempts: 0, ...(reason ? { reason } : {}) }
}

const LOADED = '2026-11-29T08:00:00.000Z'

describe('S7.2 diversion switches through the outbox', () => {
  it('switches a message that is off on for the surge incident, and one that is live off for its own incident', () => {
    expect(switchEntry(message(), false, INCIDENT)).toEqual({ kind: 'diversion.activated', payload: { message: IVR }, incident: INCIDENT })
    const live = message({ incidentId: 'earlier-incident', activatedAt: '2026-11-29T07:00:00Z' })
    expect(switchEntry(live, true, INCIDENT)).toEqual({ kind: 'diversion.deactivated', payload: { message: IVR }, incident: 'earlier-incident' })
  })

  it('has nothing to switch a message on for while no surge incident is open', () => {
    expect(switchEntry(message(), false, null)).toBeNull()
    expect(switchEntry(message(), true, null)).toEqual({ kind: 'diversion.deactivated', payload: { message: IVR } })
  })

  it('shows a flip still waiting as what it asks for, marked not yet sent', () => {
    expect(switchView(message(), [row('diversion.activated', '2026-11-29T08:01:00Z', 'waiting')], LOADED)).toEqual({ on: true, pending: true, refusal: null })
    const live = message({ incidentId: INCIDENT, activatedAt: '2026-11-29T07:00:00Z' })
    expect(switchView(live, [row('diversion.deactivated', '2026-11-29T08:01:00Z', 'waiting')], LOADED).on).toBe(false)
    // on, then off again before either was sent: the last flip is what shows
    const both = [row('diversion.activated', '2026-11-29T08:01:00Z', 'waiting'), row('diversion.deactivated', '2026-11-29T08:02:00Z', 'waiting')]
    expect(switchView(message(), both, LOADED)).toEqual({ on: false, pending: true, refusal: null })
  })

  it('shows a flip the server took after the library was read as done, and the library once read again', () => {
    const sent = [row('diversion.activated', '2026-11-29T08:01:00Z', 'sent')]
    expect(switchView(message(), sent, LOADED)).toEqual({ on: true, pending: false, refusal: null })
    expect(switchView(message(), sent, '2026-11-29T08:05:00.000Z').on).toBe(false)
    expect(switchView(message({ incidentId: INCIDENT }), sent, '2026-11-29T08:05:00.000Z').on).toBe(true)
  })

  it('leaves a refused flip as the library says and shows the reason, until the message goes live after it', () => {
    const refused = [row('diversion.activated', '2026-11-29T08:01:00Z', 'refused', 'The incident is resolved: its diversion is over.')]
    expect(switchView(message(), refused, LOADED)).toEqual({ on: false, pending: false, refusal: 'The incident is resolved: its diversion is over.' })
    const liveLater = message({ incidentId: INCIDENT, activatedAt: '2026-11-29T08:03:00Z' })
    expect(switchView(liveLater, refused, '2026-11-29T08:05:00.000Z')).toEqual({ on: true, pending: false, refusal: null })
  })

  it('ignores other messages and other kinds of entries', () => {
    const other = row('diversion.activated', '2026-11-29T08:01:00Z', 'waiting', undefined, 'another')
    const report: OutboxRow = { id: 'r', kind: 'report.filed', payload: { kind: 'surge' }, actor: 'manager', recordedAt: '2026-11-29T08:02:00Z', status: 'waiting', attempts: 0 }
    expect(switchView(message(), [other, report], LOADED)).toEqual({ on: false, pending: false, refusal: null })
  })
})

describe('S7.2 a switch recorded offline', () => {
  let db: StormdeskDb
  let name: string
  let server: FakeServer

  beforeEach(() => {
    name = `stormdesk-test-${Math.random().toString(36).slice(2)}`
    db = new StormdeskDb(name)
    server = new FakeServer()
  })
  afterEach(async () => {
    db.close()
    await StormdeskDb.delete(name)
  })

  const engine = () =>
    new SyncEngine({ db, fetch: server.fetch, currentUser: () => 'manager', setTimer: () => 0, clearTimer: () => undefined })

  it('waits in the outbox while the server cannot be reached, then is pushed as the journal entry the server judges', async () => {
    const entry = switchEntry(message(), false, INCIDENT)
    if (!entry) throw new Error('no entry')
    const recorded = await recordEntry(db, { kind: entry.kind, payload: entry.payload, incident: entry.incident, actor: 'manager' })
    server.pushAnswer = () => Promise.reject(new TypeError('Failed to fetch'))
    expect((await engine().sync('record')).kind).toBe('failed')
    expect(switchView(message(), await db.outbox.toArray(), LOADED)).toEqual({ on: true, pending: true, refusal: null })

    server.pushAnswer = null
    expect((await engine().sync('online')).kind).toBe('done')
    const pushed = server.pushes.at(-1)?.entries[0]
    expect(pushed).toMatchObject({ id: recorded.id, kind: 'diversion.activated', incident: INCIDENT, actor: 'manager', payload: { message: IVR } })
    expect((await db.outbox.get(recorded.id))?.status).toBe('sent')
  })

  it('keeps the localized reason of a refusal for the switch to show', async () => {
    const entry = switchEntry(message(), false, INCIDENT)
    if (!entry) throw new Error('no entry')
    await recordEntry(db, { kind: entry.kind, payload: entry.payload, incident: entry.incident, actor: 'manager' })
    server.pushAnswer = (call) =>
      json({ results: call.entries.map((e) => ({ id: e.id, status: 'refused', reason: '事件已解决，分流已结束。' })) })
    await engine().sync('online')
    expect(switchView(message(), await db.outbox.toArray(), LOADED)).toEqual({ on: false, pending: false, refusal: '事件已解决，分流已结束。' })
  })
})
