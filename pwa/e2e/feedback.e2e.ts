import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
// a phrase never heard before in this run's stream (Chinese throughout, so that it is one run of characters)
const phrase = `支付页面白屏${'甲乙丙丁戊己庚辛壬癸'[randomUUID().charCodeAt(0) % 10]}`
let browser: Browser
let agentContext: BrowserContext
let managerContext: BrowserContext
let agent: Page
let manager: Page

const NORMAL: readonly [string, string][] = [
  ['BILLING', '账单金额不对'],
  ['BILLING', 'my bill looks wrong'],
  ['DELIVERY', '快递到哪了'],
  ['DELIVERY', 'where is my parcel'],
  ['ACCOUNT', '怎么修改绑定的手机号'],
  ['PAYMENT', '可以用信用卡分期吗'],
  ['REFUND', '退款什么时候到账'],
  ['REFUND', 'when will my refund arrive'],
  ['PRODUCT', '这个型号有没有现货'],
  ['LOGIN', '忘记密码了怎么找回'],
  ['OTHER', '营业时间是几点'],
]

interface Intake {
  stored: number
  refused: number
  results: { problem?: string }[]
}

/** A day of ordinary contacts, then customers start saying the same new thing (as the CRM would send them). */
async function contactsFromTheCrm(): Promise<void> {
  const api = new Api(baseUrl, 'manager')
  const now = Date.now()
  const day: object[] = []
  for (let i = 0; i < 1800; i++) {
    const [reason, text] = NORMAL[(i * 7) % NORMAL.length]!
    day.push({ time: new Date(now - 24 * 3600_000 + i * 47_000).toISOString(), channel: 'phone', reason, product: 'app', text })
  }
  for (let from = 0; from < day.length; from += 900) {
    const answer = await api.post<Intake>('/api/feedback/contacts', { contacts: day.slice(from, from + 900) })
    expect(answer.refused).toBe(0)
  }
  const rise: object[] = []
  for (let i = 0; i < 30; i++) {
    rise.push({ time: new Date(now - 600_000 + i * 20_000).toISOString(), channel: 'chat', reason: 'PAYMENT', product: 'web', text: `客户说${phrase}了` })
  }
  const answer = await api.post<Intake>('/api/feedback/contacts', { contacts: rise })
  expect(answer.results.some((r) => r.problem)).toBe(true)
}

beforeAll(async () => {
  browser = await launchBrowser()
  agentContext = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  managerContext = await phoneContext(browser, { baseUrl, locale: 'zh-CN', serviceWorkers: 'block' })
  agent = await agentContext.newPage()
  manager = await managerContext.newPage()
  await contactsFromTheCrm()
})

afterAll(async () => {
  await browser?.close()
})

describe('S6.1/S6.2 a failure spotted in customer contacts, confirmed by the department', () => {
  it('S6.1 an agent flags "many customers are saying this", offline too, and it is sent when the connection is back', async () => {
    await signIn(agent, 'agent1')
    await agent.goto('/#/me')
    await agent.getByTestId('me-feedback-flag').click()
    await agentContext.setOffline(true)
    await agent.locator('[data-testid="flag-text"] textarea').fill(`many customers: ${phrase}`)
    await agent.locator('[data-testid="flag-reason"] input').fill('payment')
    await agent.getByTestId('flag-send').click()
    await expect.poll(() => agent.getByTestId('flag-state').getAttribute('data-state')).toBe('waiting')
    await screenshot(agent, 'feedback-flag-offline')
    await agentContext.setOffline(false)
    await agent.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect
      .poll(() => agent.getByTestId('flag-state').getAttribute('data-state'), { timeout: 30_000, interval: 250 })
      .toBe('sent')
  })

  it('S6.1 the manager sees the suspected problem and the live rise against normal, with charts', async () => {
    await signIn(manager, 'manager')
    await manager.goto('/#/feedback')
    const row = manager.locator('[data-testid="feedback-problem"]', { hasText: phrase })
    await row.waitFor({ timeout: 30_000 })
    expect(await row.getAttribute('data-state')).toBe('open')
    expect(await row.textContent()).toContain('次坐席标记')
    await screenshot(manager, 'feedback-problems')
    await manager.getByRole('tab', { name: '实时上升' }).click()
    await manager.locator('[data-testid="feedback-live-key"]', { hasText: phrase }).waitFor({ timeout: 30_000 })
    expect(await manager.getByTestId('rise-chart').count()).toBeGreaterThan(1)
    await screenshot(manager, 'feedback-live')
  })

  it('S6.2 the department confirms it: it becomes a website-failure incident with the evidence in its log', async () => {
    await manager.getByRole('tab', { name: '疑似问题' }).click()
    const row = manager.locator('[data-testid="feedback-problem"]', { hasText: phrase })
    await row.locator('[data-testid="feedback-note"] input').fill('支付网关故障')
    await row.getByTestId('feedback-confirm').click()
    await manager.getByTestId('feedback-filter-confirmed').click()
    const confirmed = manager.locator('[data-testid="feedback-problem"][data-state="confirmed"]', { hasText: phrase })
    await confirmed.waitFor({ timeout: 30_000 })
    expect(await confirmed.getByTestId('feedback-answer').textContent()).toContain('manager')
    const incidents = await new Api(baseUrl, 'manager').incidents('open')
    expect(incidents.some((i) => i.kind === 'website')).toBe(true)
  })
})
