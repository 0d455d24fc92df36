import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StormdeskDb } from '../db'
import { prune, recordEntry } from '../outbox'
import { BACKOFF_MS, SyncEngine, type SyncOptions } from '../sync'
import { FakeServer, json } from './fake-server'

let db: StormdeskDb
let name: string
let server: FakeServer
let user: string | null
let now: number
let timers: { fn: () => void; ms: number }[]
let expired: number

function engine(extra: Partial<SyncOptions> = {}): SyncEngine {
  return new SyncEngine({
    db,
    fetch: server.fetch,
    currentUser: () => user,
    now: () => now,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
    onUnauthorized: () => expired++,
    ...extra,
  })
}

const report = (actor = 'agent1', kind: 'system' | 'power' = 'system') =>
  recordEntry(db, { kind: 'report.filed', payload: { kind, seat: 'A-03' }, actor, now: new Date(now) })

beforeEach(() => {
  name = `stormdesk-test-${Math.random().toString(36).slice(2)}`
  db = new StormdeskDb(name)
  server = new FakeServer()
  user = 'agent1'
  now = Date.parse('2026-11-29T08:15:00Z')
  timers = []
  expired = 0
})

afterEach(async () => {
  db.close()
  await StormdeskDb.delete(name)
})

describe('the outbox', () => {
  it('keeps recorded entries across a reload of the app', async () => {
    const row = await report()
    db.close()
    const reopened = new StormdeskDb(name)
    const found = await reopened.outbox.get(row.id)
    expect(found).toMatchObject({ id: row.id, kind: 'report.filed', status: 'waiting', actor: 'agent1', attempts: 0 })
    expect(found?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    db = reopened
  })

  it('keeps answered entries for a week, and waiting ones for as long as it takes', async () => {
    const old = await report()
    const oldWaiting = await report()
    await db.outbox.update(old.id, { status: 'sent', seq: 1 })
    now += 8 * 24 * 3600 * 1000
    const recent = await report()
    await db.outbox.update(recent.id, { status: 'sent', seq: 2 })
    await prune(db, new Date(now))
    expect(await db.outbox.get(old.id)).toBeUndefined()
    expect(await db.outbox.get(oldWaiting.id)).toBeDefined()
    expect(await db.outbox.get(recent.id)).toBeDefined()
  })
})

describe('pushing', () => {
  it('marks stored and duplicate entries sent with their sequence number, refused ones refused with the reason', async () => {
    const a = await report()
    const b = await report()
    const c = await report()
    server.pushAnswer = () =>
      json({
        results: [
          { id: a.id, status: 'stored', seq: 41 },
          { id: b.id, status: 'duplicate', seq: 12 },
          { id: c.id, status: 'refused', reason: '未知的事件' },
        ],
      })
    const outcome = await engine().sync('start')
    expect(outcome).toMatchObject({ kind: 'done', pushed: 3 })
    expect(await db.outbox.get(a.id)).toMatchObject({ status: 'sent', seq: 41 })
    expect(await db.outbox.get(b.id)).toMatchObject({ status: 'sent', seq: 12 })
    expect(await db.outbox.get(c.id)).toMatchObject({ status: 'refused', reason: '未知的事件' })
  })

  it('sends the entry as the protocol describes it, with the device id kept between runs', async () => {
    const row = await recordEntry(db, { kind: 'note.added', payload: { text: 'vendor called' }, incident: 'inc-1', actor: 'agent1', now: new Date(now) })
    const sync = engine()
    await sync.sync('start')
    await report()
    await sync.sync('record')
    expect(server.pushes[0]?.entries[0]).toEqual({
      id: row.id,
      kind: 'note.added',
      incident: 'inc-1',
      actor: 'agent1',
      recordedAt: '2026-11-29T08:15:00.000Z',
      payload: { text: 'vendor called' },
    })
    expect(server.pushes[0]?.device).toMatch(/^pwa-/)
    expect(server.pushes[1]?.device).toBe(server.pushes[0]?.device)
  })

  it('never sends a refused entry again', async () => {
    const bad = await report()
    server.pushAnswer = (call) => json({ results: call.entries.map((e) => ({ id: e.id, status: 'refused', reason: 'no' })) })
    const sync = engine()
    await sync.sync('start')
    server.pushAnswer = null
    const good = await report()
    await sync.sync('record')
    await sync.sync('online')
    expect(server.pushedIds.filter((id) => id === bad.id)).toHaveLength(1)
    expect(server.pushedIds).toContain(good.id)
    expect((await db.outbox.get(bad.id))?.status).toBe('refused')
  })

  it('keeps entries when the session has expired (401), says so, and backs off', async () => {
    const row = await report()
    server.pushAnswer = () => json({ title: 'Unauthorized', status: 401 }, 401)
    const sync = engine()
    const outcome = await sync.sync('start')
    expect(outcome).toEqual({ kind: 'failed', reason: 'unauthorized', retryIn: BACKOFF_MS[0] })
    expect(expired).toBe(1)
    expect(await db.outbox.get(row.id)).toMatchObject({ status: 'waiting', attempts: 1 })

    // The ten-second timer waits for the back-off; the scheduled retry does not.
    now += 1000
    expect(await sync.sync('timer')).toMatchObject({ kind: 'backing-off' })
    expect(server.pushes).toHaveLength(1)
    expect(timers.map((t) => t.ms)).toEqual([2000])

    server.pushAnswer = null
    timers[0]?.fn()
    await Promise.resolve()
    now += 2000
    await sync.sync('manual')
    expect(await db.outbox.get(row.id)).toMatchObject({ status: 'sent', seq: 1 })
  })

  it('keeps entries when the network fails or the server errs, waiting longer each time up to 30 s', async () => {
    const row = await report()
    let calls = 0
    const sync = engine({
      fetch: async (input, init) => {
        if (String(input).includes('/push')) {
          calls++
          if (calls % 2) throw new TypeError('Failed to fetch')
          return json({ title: 'oops' }, 503)
        }
        return server.fetch(input, init)
      },
    })
    const waits: number[] = []
    for (let i = 0; i < 5; i++) {
      const outcome = await sync.sync('online')
      if (outcome.kind === 'failed') waits.push(outcome.retryIn)
    }
    expect(waits).toEqual([2000, 5000, 15000, 30000, 30000])
    expect(await db.outbox.get(row.id)).toMatchObject({ status: 'waiting', attempts: 5 })
    expect((await db.outbox.get(row.id))?.lastError).toBeTruthy()
  })

  it('has only one push in flight: a trigger during a push does not send the same entries again', async () => {
    await report()
    await report()
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    server.pushAnswer = async (call) => {
      await gate
      return json(server.store(call))
    }
    const sync = engine()
    const first = sync.sync('start')
    await new Promise((r) => setTimeout(r, 20))
    const second = sync.sync('online')
    const third = sync.sync('timer')
    await new Promise((r) => setTimeout(r, 50))
    expect(server.pushes).toHaveLength(1)
    expect(sync.running).toBe(true)
    release()
    await Promise.all([first, second, third])
    await new Promise((r) => setTimeout(r, 50))
    expect(server.pushes).toHaveLength(1)
    expect(server.pushedIds).toHaveLength(2)
    expect((await db.outbox.filter((r) => r.status === 'sent').count())).toBe(2)
  })

  it("pushes only the signed-in person's entries", async () => {
    const mine = await report('agent1')
    const theirs = await report('agent2')
    await engine().sync('start')
    expect(server.pushedIds).toEqual([mine.id])
    expect(server.pushes.every((p) => p.entries.every((e) => e.actor === 'agent1'))).toBe(true)
    expect((await db.outbox.get(theirs.id))?.status).toBe('waiting')

    user = 'agent2'
    await engine().sync('login')
    expect(server.pushedIds).toEqual([mine.id, theirs.id])
  })

  it('pushes nothing when nobody is signed in', async () => {
    await report()
    user = null
    expect(await engine().sync('start')).toEqual({ kind: 'no-user' })
    expect(server.pushes).toHaveLength(0)
  })

  it('sends at most 100 entries per request', async () => {
    for (let i = 0; i < 150; i++) await report()
    await engine().sync('start')
    expect(server.pushes.map((p) => p.entries.length)).toEqual([100, 50])
    expect((await db.outbox.filter((r) => r.status === 'sent').count())).toBe(150)
  })
})

describe('pulling', () => {
  it('learns which incident a report joined and keeps the entries and the cursor', async () => {
    const row = await report()
    const sync = engine()
    await sync.sync('start')
    // The server opened an incident for the report and files it there.
    const filed = server.stored[0]
    if (!filed) throw new Error('nothing stored')
    filed.incident = 'inc-7'
    server.stored.push({ ...filed, seq: 2, id: 'opened-1', kind: 'incident.opened', actor: 'system', device: 'server', payload: { kind: 'system', report: row.id } })
    await sync.sync('timer')
    expect(await db.outbox.get(row.id)).toMatchObject({ status: 'sent', seq: 1, incident: 'inc-7' })
    expect(await db.entries.count()).toBe(2)
    expect(server.pulls.at(-1)).toContain('after=1')
    expect((await db.meta.get('cursor:agent1'))?.value).toBe(2)
  })

  it('marks an entry sent when the pull shows it stored although the push answer was lost', async () => {
    const row = await report()
    server.pushAnswer = (call) => {
      server.store(call)
      return json({ title: 'gateway timeout' }, 504)
    }
    const sync = engine()
    expect(await sync.sync('start')).toMatchObject({ kind: 'failed', reason: 'server' })
    server.pushAnswer = (call) => json(server.store(call))
    now += 60_000
    await sync.sync('timer')
    expect(await db.outbox.get(row.id)).toMatchObject({ status: 'sent', seq: 1 })
  })
})
