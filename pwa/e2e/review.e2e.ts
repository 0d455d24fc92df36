import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
const happened = `The power went out at the east wing ${randomUUID().slice(0, 8)}`
const action = `Test the UPS every month ${randomUUID().slice(0, 8)}`
let browser: Browser
const contexts: BrowserContext[] = []
let manager: Page
let agent: Page
let leader: Page
let incident: string

beforeAll(async () => {
  browser = await launchBrowser()
  const pages: Page[] = []
  for (let i = 0; i < 3; i++) {
    const context = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
    contexts.push(context)
    pages.push(await context.newPage())
  }
  ;[manager, agent, leader] = pages as [Page, Page, Page]
  const managerApi = new Api(baseUrl, 'manager')
  await managerApi.resolveAllOpen()
  incident = (await new Api(baseUrl, 'agent2').report('power', undefined, 'lights out')).incidentId
  await managerApi.post(`/api/incidents/${incident}/acknowledge`, { clientId: randomUUID() })
  await managerApi.post(`/api/incidents/${incident}/resolve`, { clientId: randomUUID() })
})

afterAll(async () => {
  await browser?.close()
})

describe('after the incident: a review on a phone, its follow-up action ticked off by its owner, the reports', () => {
  it('the manager writes the review of the resolved incident with a follow-up action for an agent', async () => {
    await signIn(manager, 'manager')
    await manager.goto(`/#/reviews/${incident}`)
    await manager.getByTestId('review-state').waitFor()
    expect(await manager.getByTestId('review-state').getAttribute('data-state')).toBe('none')
    expect(await manager.getByTestId('review-chain').textContent()).toContain('Hash chain intact')
    await manager.locator('[data-testid="review-whatHappened"] textarea').fill(happened)
    await manager.locator('[data-testid="review-impact"] textarea').fill('Queues waited 20 minutes')
    await manager.getByTestId('review-add-action').click()
    await manager.locator('[data-testid="action-text"] input').fill(action)
    await manager.locator('[data-testid="action-owner"] input').fill('agent1')
    await manager.locator('[data-testid="action-due"] input').fill('2020-01-31')
    await manager.getByTestId('review-save').click()
    await expect.poll(() => manager.getByTestId('review-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('draft')
    await manager.getByTestId('review-timeline-toggle').click()
    await expect.poll(() => manager.getByTestId('review-timeline').textContent()).toContain('manager wrote the review')
    await screenshot(manager, 'review-phone')
  })

  it('the owner sees the overdue action among theirs and marks it done', async () => {
    await signIn(agent, 'agent1')
    await agent.goto('/#/actions')
    const row = agent.locator('[data-testid="my-action"]', { hasText: action })
    await row.waitFor({ timeout: 30_000 })
    expect(await row.getAttribute('data-overdue')).toBe('true')
    await screenshot(agent, 'review-actions-phone')
    await row.getByTestId('my-action-toggle').click()
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('done')
  })

  it('leadership approves the review', async () => {
    await signIn(leader, 'leader')
    await leader.goto(`/#/reviews/${incident}`)
    await leader.getByTestId('review-approve').click()
    await expect.poll(() => leader.getByTestId('review-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('approved')
    expect(await leader.getByTestId('review-whatHappened').textContent()).toContain(happened)
    expect(await leader.getByTestId('review-pdf').getAttribute('href')).toContain(`/api/reviews/${incident}/report.pdf?lang=en`)
  })

  it('the manager reads the report on a phone: charts, times per kind, exports', async () => {
    await manager.goto('/#/reports')
    await manager.getByTestId('report-figures').waitFor({ timeout: 30_000 })
    expect(Number(await manager.getByTestId('figure-incidents').textContent())).toBeGreaterThan(0)
    expect(await manager.getByTestId('chart-by-kind').locator('svg rect').count()).toBeGreaterThan(0)
    expect(await manager.getByTestId('chart-over-time').locator('svg rect').count()).toBeGreaterThan(0)
    expect(await manager.getByTestId('table-times').locator('tr[data-kind="power"]').textContent()).toContain('Power outage')
    expect(await manager.getByTestId('export-incidents-xlsx').getAttribute('href')).toContain('/api/reports/tables/incidents?format=xlsx')
    const width = await manager.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(400)
    await screenshot(manager, 'reports-phone', { fullPage: true })

    await manager.getByTestId('report-kind').selectOption('fire')
    await manager.getByTestId('report-apply').click()
    await expect.poll(() => manager.getByTestId('table-times').locator('tr[data-kind="power"]').count()).toBe(0)
  })
})
