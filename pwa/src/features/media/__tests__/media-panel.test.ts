import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { configureHttp } from '@/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { installVant } from '@/app/vant'
import { writeCache } from '@/offline/cache'
import { appDb } from '@/offline/db'
import ReportView from '@/features/report/views/ReportView.vue'
import { holdingKey } from '../composables/use-media-panel'
import { actionsFor } from '../composables/use-media-desk'

const agent = { username: 'agent1', displayName: 'Agent One', roles: ['agent'], seat: 'A-01' }

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
  const wrapper = mount(ReportView, { attachTo: document.body, global: { plugins: [router, i18n, { install: installVant }] } })
  await flushPromises()
  return wrapper
}

function input(testid: string, value: string): void {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${testid}"] input, [data-testid="${testid}"] textarea`)
  if (!el) throw new Error(`no field ${testid}`)
  el.value = value
  el.dispatchEvent(new Event('input'))
}

const text = (testid: string) => document.querySelector(`[data-testid="${testid}"]`)?.textContent ?? ''

beforeEach(async () => {
  localStorage.clear()
  localStorage.setItem('stormdesk.user', JSON.stringify(agent))
  setLocale('en', false)
  setActivePinia(createPinia())
  await appDb().outbox.clear()
  await appDb().entries.clear()
  // Offline: the panel reads the last copy of the approved holding lines and queues the inquiry.
  configureHttp({
    fetch: async () => {
      throw new TypeError('Failed to fetch')
    },
  })
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the media panel (S8.1, S8.2)', () => {
  it('shows the holding reply, the reminder and the last approved line at once, offline', async () => {
    await writeCache(appDb(), holdingKey('en'), {
      lang: 'en', reply: '', reminder: '', lines: [{ statement: 's1', version: 2, text: 'Service is being restored.', approvedAt: '2026-01-01T00:00:00Z' }],
    })
    const wrapper = await mountReport()
    await wrapper.get('[data-testid="tile-media"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="report-sheet"] .van-popup')).toBeNull()
    expect(text('media-holding-reply')).toContain('I am not able to answer questions from the media myself')
    expect(text('holding-line')).toContain('Service is being restored.')
    expect(text('media-reminder')).toContain("do not give interviews or answer journalists' questions themselves")

    // the caller speaks Chinese: the reply follows, the app stays in English
    document.querySelector<HTMLElement>('[data-testid="media-lang-zh-CN"]')?.click()
    await flushPromises()
    expect(text('media-holding-reply')).toContain('我本人无法回答媒体的问题')
    expect(text('media-reminder')).toContain('themselves')
  })

  it('queues media.inquiry.filed in the outbox with the reminder on record, and shows it waiting', async () => {
    const wrapper = await mountReport()
    await wrapper.get('[data-testid="tile-media"]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLElement>('[data-testid="media-send"]')?.click()
    await flushPromises()
    expect(await appDb().outbox.count()).toBe(0)

    input('media-outlet', 'Harbour Daily')
    input('media-name', 'Li Wen')
    input('media-position', 'Reporter')
    input('media-subject', 'The outage')
    input('media-contact', '138 0000 0000')
    input('media-deadline', 'today 17:00')
    document.querySelector<HTMLElement>('[data-testid="media-send"]')?.click()
    await flushPromises()

    const rows = await appDb().outbox.toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.kind).toBe('media.inquiry.filed')
    expect(rows[0]?.status).toBe('waiting')
    expect(rows[0]?.payload).toEqual({
      outlet: 'Harbour Daily', name: 'Li Wen', position: 'Reporter', subject: 'The outage', contact: '138 0000 0000',
      deadline: 'today 17:00', language: 'en', reminderShown: true,
    })
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(document.querySelector('[data-testid="media-status"]')?.getAttribute('data-state')).toBe('waiting')
  })
})

describe('the register actions', () => {
  it('only move an inquiry forward and stop once it is answered or declined', () => {
    expect(actionsFor('new')).toEqual(['acknowledge', 'refer', 'answer', 'decline'])
    expect(actionsFor('with_manager')).toEqual(['refer', 'answer', 'decline'])
    expect(actionsFor('referred')).toEqual(['answer', 'decline'])
    expect(actionsFor('answered')).toEqual([])
    expect(actionsFor('declined')).toEqual([])
  })
})
