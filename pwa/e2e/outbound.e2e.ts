import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
const marker = randomUUID().slice(0, 6)
const campaign = `Recall ${marker}`
let browser: Browser
let phone: BrowserContext
let desk: BrowserContext
let agent: Page
let manager: Page
let incident = ''

interface Task {
  id: string
  campaign: string
  customerName: string
  assignee?: string
  state: string
  attempts: number
}
interface Proposal {
  needed: boolean
  pulled: string[]
  moves: { taskId: string; to?: string }[]
}

const boss = () => new Api(baseUrl, 'manager')

/** Three urgent calls due within hours, so every agent has room for them whatever the hour the test runs at. */
function planCsv(): string {
  const due = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
  return [
    'campaign,customer_name,phone,priority,due_at,skill,note',
    `${campaign},Zhou Ting ${marker},138 0013 8001,1,${due(90)},,battery recall`,
    `${campaign},Wu Jie ${marker},138 0013 8002,1,${due(100)},,battery recall`,
    `${campaign},Chen Jing ${marker},138 0013 8003,1,${due(110)},,battery recall`,
    `${campaign},Bad Number ${marker},12345,1,${due(120)},,`,
  ].join('\n')
}

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  desk = await desktopContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  agent = await phone.newPage()
  manager = await desk.newPage()
  // a surge to pull an outbound agent onto the lines for
  const queue = `ob-${marker}`
  const put = await boss().call('PUT', `/api/traffic/queues/${queue}`, { name: `Hotline ${marker}`, channel: 'voice' })
  expect(put.status).toBe(200)
  incident = (await new Api(baseUrl, 'agent1').report('surge', undefined, 'calls flooding in')).incidentId
})

afterAll(async () => {
  await boss().post('/api/traffic/staff/return', { usernames: ['agent5', 'agent6'] }).catch(() => undefined)
  await browser?.close()
})

describe('S7.3 and S7.4: the outbound plan, an agent pulled onto the lines, the reallocation', () => {
  it('a manager imports the day’s plan from a file; the bad row is named with its line', async () => {
    await signIn(manager, 'manager')
    await manager.goto('/#/outbound/plan')
    await manager.getByTestId('outbound-proposal').waitFor({ timeout: 30_000 })
    await manager.getByTestId('outbound-file').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(planCsv()) })
    await expect.poll(() => manager.getByTestId('outbound-imported').innerText().catch(() => ''), { timeout: 30_000 })
      .toContain('3 calls planned, 3 given to an agent')
    expect(await manager.getByTestId('outbound-import-error').innerText()).toContain('Line 5')
    await manager.locator('[data-testid="outbound-row"]', { hasText: `Zhou Ting ${marker}` }).waitFor()
    const mine = (await boss().get<{ tasks: Task[] }>('/api/outbound/plan')).tasks.filter((t) => t.campaign === campaign)
    expect(mine).toHaveLength(3)
    expect(mine.every((t) => t.assignee === 'agent5' || t.assignee === 'agent6')).toBe(true)
  })

  it('pulling agent5 onto the lines proposes giving their calls to others; the manager applies it as reviewed', async () => {
    await boss().post('/api/traffic/staff/moves', { incident, queue: `ob-${marker}`, usernames: ['agent5'] })
    await expect.poll(async () => (await boss().get<Proposal>('/api/outbound/reallocation')).needed, { timeout: 30_000 }).toBe(true)
    await manager.reload()
    const proposal = manager.getByTestId('outbound-proposal')
    await expect.poll(() => proposal.getAttribute('data-needed'), { timeout: 30_000 }).toBe('true')
    expect(await proposal.innerText()).toContain('Pulled onto the lines:')
    await screenshot(manager, 'outbound-plan-proposal')
    await manager.getByTestId('outbound-apply').click()
    await manager.locator('.van-dialog__confirm').click()
    await expect.poll(() => proposal.getAttribute('data-needed'), { timeout: 30_000 }).toBe('false')
    const after = (await boss().get<{ tasks: Task[] }>('/api/outbound/plan')).tasks.filter((t) => t.state === 'open')
    expect(after.some((t) => t.assignee === 'agent5')).toBe(false)
    expect(after.filter((t) => t.campaign === campaign).every((t) => t.assignee === 'agent6')).toBe(true)
  })

  it('agent6 works the new list on a phone, offline too: the call waits, then arrives once', async () => {
    await signIn(agent, 'agent6')
    await agent.getByTestId('tab-me').click()
    await agent.getByTestId('me-outbound').click()
    const card = agent.locator('[data-testid="outbound-card"]', { hasText: `Zhou Ting ${marker}` })
    await card.waitFor({ timeout: 30_000 })
    expect(await card.getByTestId('outbound-dial').getAttribute('href')).toBe('tel:13800138001')
    await screenshot(agent, 'outbound-mine-phone')

    await phone.setOffline(true)
    await card.getByTestId('outbound-record').click()
    await card.getByTestId('outbound-outcome-done').click()
    await expect.poll(() => card.getAttribute('data-state')).toBe('done')
    expect(await card.getByTestId('outbound-waiting').isVisible()).toBe(true)
    await phone.setOffline(false)
    await expect
      .poll(async () => (await boss().get<{ tasks: Task[] }>('/api/outbound/plan')).tasks.find((t) => t.customerName === `Zhou Ting ${marker}`)?.state, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe('done')
    await expect.poll(() => card.getByTestId('outbound-waiting').count(), { timeout: 30_000 }).toBe(0)
    const done = (await boss().get<{ tasks: Task[] }>('/api/outbound/plan')).tasks.find((t) => t.customerName === `Zhou Ting ${marker}`)
    expect(done?.attempts).toBe(1)
  })
})
