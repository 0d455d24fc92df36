import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale, type AppLocale } from '@/app/i18n'
import { installVant } from '@/app/vant'
import IncidentCard from '@/features/incident/components/IncidentCard.vue'
import type { Incident } from '@/features/incident/types'

const t = (locale: AppLocale, key: string, n: number): string => {
  setLocale(locale, false)
  return i18n.global.t(key, n)
}

afterEach(() => setLocale('zh-CN', false))

describe('counts', () => {
  it('say "1 report" and "2 reports" in English', () => {
    expect(t('en', 'board.reports', 1)).toBe('1 report')
    expect(t('en', 'board.reports', 2)).toBe('2 reports')
    expect(t('en', 'board.reports', 0)).toBe('0 reports')
    expect(t('en', 'board.reporters', 1)).toBe('1 reporter')
    expect(t('en', 'board.reporters', 7)).toBe('7 reporters')
    expect(t('en', 'incident.reporters', 1)).toBe('1 person')
    expect(t('en', 'incident.reporters', 4)).toBe('4 people')
    expect(t('en', 'me.signOutWaiting', 1)).toMatch(/^1 entry has not been sent yet\. It stays/)
    expect(t('en', 'me.signOutWaiting', 3)).toMatch(/^3 entries have not been sent yet\. They stay/)
    expect(t('en', 'network.waiting', 1)).toBe('1 waiting')
  })

  it('have one form in Chinese, through the same call', () => {
    expect(t('zh-CN', 'board.reports', 1)).toBe('1 条上报')
    expect(t('zh-CN', 'board.reports', 2)).toBe('2 条上报')
    expect(t('zh-TW', 'board.reporters', 2)).toBe('2 人上報')
    expect(t('zh-TW', 'incident.reporters', 1)).toBe('1 人')
    expect(t('zh-CN', 'network.waiting', 3)).toBe('3 条待发送')
  })

  it('read "1 report · 1 reporter" on a board card, the number kept in its own element', async () => {
    setLocale('en', false)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
    const one: Incident = {
      id: 'inc-1',
      kind: 'power',
      severity: 'high',
      state: 'open',
      startedAt: '2026-11-29T08:15:00Z',
      reportCount: 1,
      reporterCount: 1,
    }
    const wrapper = mount(IncidentCard, {
      props: { incident: one, now: new Date('2026-11-29T08:20:00Z') },
      global: { plugins: [router, i18n, { install: installVant }] },
    })
    const counts = wrapper.get('.incident-card__counts').text().replace(/\s+/g, ' ')
    expect(counts).toContain('1 report')
    expect(counts).not.toContain('reports')
    expect(counts).toContain('1 reporter')
    expect(counts).not.toContain('reporters')
    expect(wrapper.get('[data-testid="report-count"]').text()).toBe('1')
    expect(wrapper.get('[data-testid="incident-state"]').text()).toBe('Open')

    await wrapper.setProps({ incident: { ...one, reportCount: 7, reporterCount: 4 } })
    const more = wrapper.get('.incident-card__counts').text().replace(/\s+/g, ' ')
    expect(more).toContain('7 reports')
    expect(more).toContain('4 reporters')
    expect(wrapper.get('[data-testid="reporter-count"]').text()).toBe('4')
  })

  it('call an open incident 待处理 / 待處理 until someone acknowledges it', () => {
    setLocale('zh-CN', false)
    expect(i18n.global.t('state.open')).toBe('待处理')
    expect(i18n.global.t('state.acknowledged')).toBe('已确认')
    setLocale('zh-TW', false)
    expect(i18n.global.t('state.open')).toBe('待處理')
    expect(i18n.global.t('state.acknowledged')).toBe('已確認')
  })
})
