import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { configureHttp } from '@/api/http'
import { appDb } from '@/offline/db'
import { FakeServer, json } from '@/offline/__tests__/fake-server'
import { useOutboxStore } from '@/offline/store'
import { useIncidentPlaybook } from '../composables/use-incident-playbook'
import { INCIDENT, powerPlaybook } from './fixtures'

let server: FakeServer
let online: boolean
let playbookAnswers: number

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

function signIn(user: { username: string; roles: string[] }): void {
  localStorage.setItem('stormdesk.user', JSON.stringify({ ...user, displayName: user.username }))
  setActivePinia(createPinia())
}

async function openTab() {
  let tab: ReturnType<typeof useIncidentPlaybook> | null = null
  const Host = defineComponent({
    setup() {
      tab = useIncidentPlaybook(ref(INCIDENT))
      return () => null
    },
  })
  const wrapper = mount(Host)
  await until(() => tab?.playbook.value !== null)
  return { wrapper, tab: tab as unknown as ReturnType<typeof useIncidentPlaybook> }
}

beforeEach(async () => {
  vi.stubGlobal('EventSource', undefined)
  localStorage.clear()
  signIn({ username: 'manager', roles: ['manager'] })
  await appDb().outbox.clear()
  await appDb().cache.clear()
  server = new FakeServer()
  online = true
  playbookAnswers = 0
  configureHttp({
    language: () => 'en',
    fetch: async (input: string, init?: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch')
      if (input === `/api/incidents/${INCIDENT}/playbook`) {
        playbookAnswers++
        return json(powerPlaybook())
      }
      if (input === `/api/incidents/${INCIDENT}/deliveries`) return json([])
      return server.fetch(input, init)
    },
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('working the playbook offline', () => {
  it('shows the last playbook the device saw, marked as a copy, when the server cannot be reached', async () => {
    const first = await openTab()
    expect(first.tab.store.source).toBe('live')
    first.wrapper.unmount()
    online = false
    signIn({ username: 'manager', roles: ['manager'] })
    const { wrapper, tab } = await openTab()
    expect(tab.store.source).toBe('cached')
    expect(tab.store.asOf).toMatch(/^\d{4}-/)
    expect(tab.steps.value.map((s) => s.step.id)).toEqual(['call-relevant-people', 'help-repair', 'keep-staff-calm'])
    wrapper.unmount()
  })

  it('queues "done" through the outbox: it waits offline and is pushed, once, when the server answers', async () => {
    const { wrapper, tab } = await openTab()
    online = false
    const step = tab.steps.value[0]!
    await tab.done(step)
    await until(() => tab.steps.value[0]?.state === 'waiting')

    const rows = await appDb().outbox.toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'step.done', payload: { step: 'call-relevant-people' }, incident: INCIDENT, actor: 'manager', status: 'waiting' })
    expect(server.pushes).toHaveLength(0)

    online = true
    await useOutboxStore().sync('online')
    await until(() => tab.steps.value[0]?.state === 'done')
    expect(server.stored.map((e) => [e.kind, e.incident, e.payload])).toEqual([['step.done', INCIDENT, { step: 'call-relevant-people' }]])
    expect((await appDb().outbox.toArray())[0]?.status).toBe('sent')
    wrapper.unmount()
  })

  it('asks for a reason before a skip and records it with the step', async () => {
    const { wrapper, tab } = await openTab()
    online = false
    tab.askSkip(tab.steps.value[1]!)
    expect(tab.skipping.value?.step.id).toBe('help-repair')
    tab.reason.value = '   '
    expect(await tab.confirmSkip()).toBe(false)
    expect(tab.reasonError.value).toBe('playbook.reasonInvalid')
    tab.reason.value = 'x'.repeat(501)
    expect(await tab.confirmSkip()).toBe(false)
    expect(await appDb().outbox.count()).toBe(0)

    tab.reason.value = '  The vendor is on site  '
    expect(await tab.confirmSkip()).toBe(true)
    expect(tab.skipping.value).toBeNull()
    const [skip] = await appDb().outbox.toArray()
    expect(skip).toMatchObject({ kind: 'step.skipped', payload: { step: 'help-repair', reason: 'The vendor is on site' }, incident: INCIDENT })
    await until(() => tab.steps.value[1]?.state === 'waiting')
    expect(tab.steps.value[1]?.waiting).toBe('skipped')
    wrapper.unmount()
  })

  it('records calls and acknowledgements as entries with the incident set', async () => {
    const { wrapper, tab } = await openTab()
    online = false
    await tab.markCall('contact:facilities', true)
    await tab.markCall('contact:property', false)
    await tab.acknowledge('fire-1')
    const rows = (await appDb().outbox.toArray()).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    expect(rows.map((r) => [r.kind, r.payload, r.incident])).toEqual([
      ['call.reached', { contact: 'contact:facilities' }, INCIDENT],
      ['call.unreached', { contact: 'contact:property' }, INCIDENT],
      ['escalation.acknowledged', { firing: 'fire-1' }, INCIDENT],
    ])
    await until(() => tab.calls.value[0]?.state === 'waiting' && tab.levels.value[0]?.state === 'waiting')
    wrapper.unmount()
  })

  it('records nothing for a step the person’s role does not own', async () => {
    signIn({ username: 'leader', roles: ['leadership'] })
    const { wrapper, tab } = await openTab()
    const step = tab.steps.value[0]!
    expect(step.canWork).toBe(false)
    await tab.done(step)
    tab.askSkip(step)
    expect(tab.skipping.value).toBeNull()
    await tab.markCall('contact:facilities', true)
    expect(tab.callsAllowed.value).toBe(false)
    expect(tab.deliveriesAllowed.value).toBe(true)
    expect(await appDb().outbox.count()).toBe(0)
    expect(playbookAnswers).toBeGreaterThan(0)
    wrapper.unmount()
  })
})
