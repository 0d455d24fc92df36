import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
const marker = randomUUID().slice(0, 6)
const late = `Late ${marker}`
const soon = `Soon ${marker}`
let browser: Browser
let phone: BrowserContext
let desk: BrowserContext
let agent: Page
let manager: Page
let owner = ''

interface Task {
  id: string
  owner?: string
  state: string
  attempts: number
}

async function capture(api: Api, name: string, dueInMinutes: number, incident: string): Promise<string> {
  const id = randomUUID()
  const answer = await api.post<{ results: { status: string; reason?: string }[] }>('/api/sync/push', {
    device: 'e2e-callbacks',
    entries: [
      {
        id,
        kind: 'customer.captured',
        recordedAt: new Date().toISOString(),
        payload: {
          incidentId: incident,
          name,
          phone: '138 0013-8000',
          matter: 'Charged twice for November',
          category: 'billing',
          callbackPromised: true,
          callbackDueAt: new Date(Date.now() + dueInMinutes * 60_000).toISOString(),
          source: 'panel',
        },
      },
    ],
  })
  expect(answer.results[0]?.status, answer.results[0]?.reason).toBe('stored')
  return id
}

const card = (name: string) => agent.locator('[data-testid="callback-card"]', { hasText: name })

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  desk = await desktopContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  agent = await phone.newPage()
  manager = await desk.newPage()

  const agent1 = new Api(baseUrl, 'agent1')
  const incident = (await agent1.report('system', undefined, 'CRM down')).incidentId
  const soonId = await capture(agent1, soon, 45, incident)
  const lateId = await capture(agent1, late, -3, incident)
  const boss = new Api(baseUrl, 'manager')
  owner = (await boss.get<Task>(`/api/callbacks/${soonId}`)).owner ?? ''
  expect(owner).toMatch(/^agent[1-6]$/)
  const lateTask = await boss.get<Task>(`/api/callbacks/${lateId}`)
  if (lateTask.owner !== owner) await boss.post(`/api/callbacks/${lateId}/reassign`, { to: owner })
})

afterAll(async () => {
  await browser?.close()
})

describe('S2.6 an agent works the callbacks on a phone', () => {
  it('sees their callbacks, the overdue one first and marked, each number one tap from dialling', async () => {
    await signIn(agent, owner)
    await agent.getByTestId('tab-me').click()
    await agent.getByTestId('me-callbacks').click()
    await card(late).waitFor({ timeout: 30_000 })
    expect(await card(late).getAttribute('data-overdue')).toBe('true')
    expect(await card(late).getByTestId('callback-overdue').isVisible()).toBe(true)
    expect(await card(soon).getAttribute('data-overdue')).toBe('false')
    const names = await agent.locator('[data-testid="callback-card"][data-state="open"] .callback-card__name').allInnerTexts()
    expect(names.indexOf(late)).toBeLessThan(names.indexOf(soon))
    expect(await card(soon).getByTestId('callback-dial').getAttribute('href')).toBe('tel:13800138000')
    const box = await card(soon).getByTestId('callback-dial').boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    await screenshot(agent, 'callbacks-mine-phone')
  })

  it('records an unanswered call, then, offline, the one that reached the customer; it closes once sent', async () => {
    await card(late).getByTestId('callback-record').click()
    await card(late).getByTestId('callback-outcome-no-answer').click()
    await expect.poll(() => card(late).getByTestId('callback-attempts').innerText(), { timeout: 30_000 }).toBe('Attempt 1 of 3')

    await phone.setOffline(true)
    await card(late).getByTestId('callback-record').click()
    await card(late).getByTestId('callback-note').locator('input').fill('refund promised by Friday')
    await card(late).getByTestId('callback-outcome-reached').click()
    await expect.poll(() => card(late).getAttribute('data-state')).toBe('reached')
    expect(await card(late).getByTestId('callback-waiting').isVisible()).toBe(true)
    await screenshot(agent, 'callbacks-offline-reached')

    await phone.setOffline(false)
    const boss = new Api(baseUrl, 'manager')
    await expect
      .poll(async () => (await boss.get<Task[]>('/api/callbacks')).find((t) => t.state === 'reached' && t.attempts === 2) !== undefined, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(true)
    await expect.poll(() => card(late).getByTestId('callback-waiting').count(), { timeout: 30_000 }).toBe(0)
    expect(await card(late).getAttribute('data-state')).toBe('reached')
  })

  it('the manager sees every callback with the counts', async () => {
    await signIn(manager, 'manager')
    await manager.goto('/#/callbacks/all')
    await manager.locator('[data-testid="callback-row"]', { hasText: soon }).waitFor({ timeout: 30_000 })
    expect(Number(await manager.getByTestId('count-reached').locator('strong').innerText())).toBeGreaterThanOrEqual(1)
    expect(Number(await manager.getByTestId('count-open').locator('strong').innerText())).toBeGreaterThanOrEqual(1)
    expect(await manager.locator('[data-testid="callback-row"]', { hasText: late }).getAttribute('data-state')).toBe('reached')
    await screenshot(manager, 'callbacks-manager')
  })
})
