import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { configureHttp } from '@/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { installVant } from '@/app/vant'
import { appDb } from '@/offline/db'
import ReportView from '../views/ReportView.vue'

const agent = { username: 'agent1', displayName: 'Agent One', roles: ['agent'], seat: 'A-01' }

async function until(check: () => boolean | Promise<boolean>, ms = 2000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function mountReport() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/report', component: ReportView },
      { path: '/procedures/:kind?', component: { template: '<div />' } },
      { path: '/incident/:id', component: { template: '<div />' } },
    ],
  })
  await router.push('/report')
  await router.isReady()
  const wrapper = mount(ReportView, {
    attachTo: document.body,
    global: { plugins: [router, i18n, { install: installVant }] },
  })
  await flushPromises()
  return wrapper
}

beforeEach(async () => {
  localStorage.clear()
  localStorage.setItem('stormdesk.user', JSON.stringify(agent))
  setLocale('en', false)
  setActivePinia(createPinia())
  await appDb().outbox.clear()
  await appDb().entries.clear()
  // The server is out of reach: the report must still be recorded and shown.
  configureHttp({
    fetch: async (input: string) => {
      if (input.startsWith('/api/site/seats')) {
        return new Response(JSON.stringify([{ code: 'A-01' }, { code: 'B-07' }]), { status: 200 })
      }
      throw new TypeError('Failed to fetch')
    },
  })
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the two-tap report', () => {
  it('records a report in the outbox with the second tap and shows it as waiting', async () => {
    const wrapper = await mountReport()
    expect(await appDb().outbox.count()).toBe(0)

    await wrapper.get('[data-testid="tile-power"]').trigger('click')
    await flushPromises()
    const seat = document.querySelector<HTMLSelectElement>('[data-testid="report-seat"]')
    expect(seat?.value).toBe('A-01')
    expect([...(seat?.options ?? [])].map((o) => o.value)).toContain('B-07')
    expect(await appDb().outbox.count()).toBe(0)

    document.querySelector<HTMLButtonElement>('[data-testid="report-send"]')?.click()
    await until(async () => (await appDb().outbox.count()) === 1)

    const rows = await appDb().outbox.toArray()
    expect(rows[0]).toMatchObject({
      kind: 'report.filed',
      actor: 'agent1',
      status: 'waiting',
      payload: { kind: 'power', seat: 'A-01' },
    })
    await until(() => wrapper.findAll('[data-testid="my-report"]').length === 1)
    const row = wrapper.get('[data-testid="my-report"]')
    expect(row.attributes('data-status')).toBe('waiting')
    expect(row.attributes('data-kind')).toBe('power')
    expect(row.text()).toContain('Power outage')
    expect(row.text()).toContain('Waiting to send')
    wrapper.unmount()
  })

  it('carries the chosen seat and the note', async () => {
    const wrapper = await mountReport()
    await wrapper.get('[data-testid="tile-system"]').trigger('click')
    await flushPromises()
    const seat = document.querySelector<HTMLSelectElement>('[data-testid="report-seat"]')
    const note = document.querySelector<HTMLTextAreaElement>('[data-testid="report-note"]')
    if (!seat || !note) throw new Error('sheet fields missing')
    seat.value = 'B-07'
    seat.dispatchEvent(new Event('change'))
    note.value = 'CRM will not load'
    note.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="report-send"]')?.click()
    await until(async () => (await appDb().outbox.count()) === 1)
    expect((await appDb().outbox.toArray())[0]?.payload).toEqual({ kind: 'system', seat: 'B-07', note: 'CRM will not load' })
    expect(localStorage.getItem('stormdesk.lastSeat')).toBe('B-07')
    wrapper.unmount()
  })

  it('also lists the person’s reports filed on another device, as the sync loop pulled them', async () => {
    const recordedAt = new Date(Date.now() - 2 * 3600 * 1000).toISOString()
    await appDb().entries.bulkPut([
      {
        seq: 41,
        id: 'a0b1c2d3-0000-4000-8000-000000000041',
        kind: 'report.filed',
        incident: 'inc-41',
        actor: 'agent1',
        device: 'pwa-old-phone',
        recordedAt,
        receivedAt: recordedAt,
        payload: { kind: 'fire', seat: 'A-01', note: 'smoke near the printer' },
      },
      {
        seq: 42,
        id: 'a0b1c2d3-0000-4000-8000-000000000042',
        kind: 'report.filed',
        incident: 'inc-41',
        actor: 'agent2',
        device: 'pwa-other',
        recordedAt,
        receivedAt: recordedAt,
        payload: { kind: 'fire' },
      },
    ])
    const wrapper = await mountReport()
    await until(() => wrapper.findAll('[data-testid="my-report"]').length === 1)
    const row = wrapper.get('[data-testid="my-report"]')
    expect(row.attributes('data-id')).toBe('a0b1c2d3-0000-4000-8000-000000000041')
    expect(row.attributes('data-status')).toBe('sent')
    expect(row.attributes('data-incident')).toBe('inc-41')
    expect(row.text()).toContain('Alarm or fire')
    expect(row.text()).toContain('smoke near the printer')
    expect(row.text()).toContain('Joined an incident, tap to open')

    // A report recorded here comes on top, and the pulled one stays.
    await wrapper.get('[data-testid="tile-power"]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="report-send"]')?.click()
    await until(() => wrapper.findAll('[data-testid="my-report"]').length === 2)
    expect(wrapper.findAll('[data-testid="my-report"]').map((r) => r.attributes('data-status'))).toEqual(['waiting', 'sent'])
    wrapper.unmount()
  })
})
