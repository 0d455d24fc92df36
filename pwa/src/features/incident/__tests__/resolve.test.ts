import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { configureHttp } from '@/api/http'
import { appDb } from '@/offline/db'
import { recoveryTime, useIncidentPage } from '../composables/use-incident-page'
import type { IncidentDetail } from '../types'

const manager = { username: 'manager', displayName: 'Manager', roles: ['manager'] }
// The incident started 42.2 s into the minute; "now" is half a second later.
const STARTED = '2026-11-29T08:15:42.200Z'
const NOW = '2026-11-29T08:15:42.731Z'

const incident: IncidentDetail = {
  id: 'inc-1',
  kind: 'system',
  severity: 'high',
  state: 'acknowledged',
  startedAt: STARTED,
  reportCount: 1,
  reporterCount: 1,
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function openPage() {
  let page: ReturnType<typeof useIncidentPage> | null = null
  const Host = defineComponent({
    setup() {
      page = useIncidentPage(ref('inc-1'))
      return () => null
    },
  })
  const wrapper = mount(Host)
  await until(() => page?.incident.value !== null)
  if (!page) throw new Error('no page')
  return { wrapper, page: page as ReturnType<typeof useIncidentPage> }
}

async function recorded(): Promise<string | undefined> {
  const rows = await appDb().outbox.toArray()
  const row = rows.find((r) => r.kind === 'incident.resolved')
  return row?.kind === 'incident.resolved' ? row.payload.recoveredAt : undefined
}

beforeEach(async () => {
  vi.stubGlobal('EventSource', undefined)
  localStorage.clear()
  localStorage.setItem('stormdesk.user', JSON.stringify(manager))
  setActivePinia(createPinia())
  await appDb().outbox.clear()
  await appDb().cache.clear()
  configureHttp({
    fetch: async (input: string) => {
      if (input === '/api/incidents/inc-1') return json(incident)
      if (input === '/api/incidents/inc-1/log') return json({ incidentId: 'inc-1', entries: [] })
      if (input === '/api/incidents/inc-1/log/verify') return json({ valid: true, entries: 0 })
      // The sync calls find no server: the resolution waits in the outbox.
      throw new TypeError('Failed to fetch')
    },
  })
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the recovery time of a resolution', () => {
  it('is the exact moment the form was opened when the person leaves the field as it was: never before the start', async () => {
    const { wrapper, page } = await openPage()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(NOW))
    page.openResolve()
    vi.useRealTimers()
    // The field shows the center's wall time to the second.
    expect(page.recoveredAt.value).toBe('2026-11-29T16:15:42')
    expect(await page.confirmResolve()).toBe(true)
    expect(page.formError.value).toBeNull()
    await until(() => page.pending.value.has('incident.resolved'))
    expect(await recorded()).toBe(NOW)
    expect(Date.parse((await recorded()) ?? '')).toBeGreaterThanOrEqual(Date.parse(STARTED))
    wrapper.unmount()
  })

  it('is the time the person picked when they changed it', async () => {
    const { wrapper, page } = await openPage()
    page.openResolve()
    page.recoveredAt.value = '2026-11-29T16:40:05'
    expect(await page.confirmResolve()).toBe(true)
    await until(() => page.pending.value.has('incident.resolved'))
    expect(await recorded()).toBe('2026-11-29T08:40:05.000Z')
    wrapper.unmount()
  })

  it('refuses a time before the start and records nothing', async () => {
    const { wrapper, page } = await openPage()
    page.openResolve()
    page.recoveredAt.value = '2026-11-29T16:15:41'
    expect(await page.confirmResolve()).toBe(false)
    expect(page.formError.value).toBe('incident.recoveredInvalid')
    expect(await recorded()).toBeUndefined()
    wrapper.unmount()
  })
})

describe('recoveryTime', () => {
  const prefill = { value: '2026-11-29T16:15:42', at: new Date(NOW) }

  it('keeps the milliseconds of an unchanged prefill', () => {
    expect(recoveryTime('2026-11-29T16:15:42', prefill, STARTED)?.toISOString()).toBe(NOW)
  })

  it('reads a time picked in the very second the incident started as its start, not earlier', () => {
    expect(recoveryTime('2026-11-29T16:15:42', null, STARTED)?.toISOString()).toBe(STARTED)
  })

  it('refuses a time before that second, and a field that is not a time', () => {
    expect(recoveryTime('2026-11-29T16:15:41', prefill, STARTED)).toBeNull()
    expect(recoveryTime('2026-11-29T16:14', prefill, STARTED)).toBeNull()
    expect(recoveryTime('', prefill, STARTED)).toBeNull()
  })
})
