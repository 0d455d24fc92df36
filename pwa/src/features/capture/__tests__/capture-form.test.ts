import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { configureHttp } from '@/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { installVant } from '@/app/vant'
import { appDb } from '@/offline/db'
import CaptureView from '../views/CaptureView.vue'

const agent = { username: 'agent1', displayName: 'Agent One', roles: ['agent'], seat: 'A-01' }

async function mountCapture(path = '/capture') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/capture', component: CaptureView }] })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(CaptureView, { attachTo: document.body, global: { plugins: [router, i18n, { install: installVant }] } })
  await flushPromises()
  return wrapper
}

const field = (testid: string) => document.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!

function type(testid: string, value: string): void {
  const el = field(testid)
  el.value = value
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'))
}

function enter(testid: string): void {
  field(testid).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
}

beforeEach(async () => {
  localStorage.clear()
  localStorage.setItem('stormdesk.user', JSON.stringify(agent))
  setLocale('en', false)
  setActivePinia(createPinia())
  await appDb().outbox.clear()
  configureHttp({
    fetch: async () => {
      throw new TypeError('Failed to fetch')
    },
  })
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('manual capture (S2.5)', () => {
  it('moves through the fields with Enter and keeps the record in the outbox while offline', async () => {
    await mountCapture('/capture?incident=11111111-2222-3333-4444-555555555555')
    expect(document.activeElement).toBe(field('capture-name'))
    type('capture-name', 'Wang Fang')
    enter('capture-name')
    expect(document.activeElement).toBe(field('capture-phone'))
    type('capture-phone', '138 0013 8000')
    enter('capture-phone')
    expect(document.activeElement).toBe(field('capture-account'))
    enter('capture-account')
    type('capture-matter', 'Charged twice')
    enter('capture-matter')
    type('capture-category', 'billing')
    enter('capture-category')
    enter('capture-promised')
    await flushPromises()

    const rows = await appDb().outbox.toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'customer.captured', status: 'waiting', actor: 'agent1' })
    expect(rows[0]?.payload).toMatchObject({
      incidentId: '11111111-2222-3333-4444-555555555555',
      name: 'Wang Fang',
      phone: '+8613800138000',
      category: 'billing',
      callbackPromised: false,
      source: 'panel',
    })
    expect(document.querySelector('[data-testid="captured-waiting"]')?.textContent).toContain('Not yet sent')
    expect(field('capture-name').value).toBe('')
    expect(document.activeElement).toBe(field('capture-name'))
  })

  it('refuses a bad phone in the browser and records nothing', async () => {
    await mountCapture()
    type('capture-name', 'Zhao')
    type('capture-phone', '12345')
    type('capture-matter', 'x')
    type('capture-category', 'fault')
    document.querySelector<HTMLButtonElement>('[data-testid="capture-submit"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="capture-error-phone"]')?.textContent).toContain('Not a phone number')
    expect(await appDb().outbox.count()).toBe(0)
  })

  it('shows a refused record with its reason, to fix and send again as a new entry', async () => {
    await appDb().outbox.add({
      id: 'refused-1',
      kind: 'customer.captured',
      payload: { name: 'Li', phone: '+8613800138000', matter: 'm', category: 'order', callbackPromised: false, source: 'panel' },
      actor: 'agent1',
      recordedAt: new Date().toISOString(),
      status: 'refused',
      reason: 'There is no such incident.',
      attempts: 1,
    })
    await mountCapture()
    expect(document.querySelector('[data-testid="captured-reason"]')?.textContent).toContain('There is no such incident.')
    document.querySelector<HTMLButtonElement>('[data-testid="captured-fix"]')!.click()
    await flushPromises()
    expect(field('capture-name').value).toBe('Li')
    type('capture-name', 'Li Na')
    document.querySelector<HTMLButtonElement>('[data-testid="capture-submit"]')!.click()
    await vi.waitFor(async () => expect((await appDb().outbox.toArray()).map((r) => r.id)).not.toContain('refused-1'), { timeout: 5000 })
    const rows = await appDb().outbox.toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'waiting', payload: { name: 'Li Na' } })
  })
})
