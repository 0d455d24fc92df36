import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
const outlet = `Harbour Daily ${randomUUID().slice(0, 8)}`
const line = `We are restoring service now ${randomUUID().slice(0, 8)}`
let browser: Browser
let agentContext: BrowserContext
let managerContext: BrowserContext
let leaderContext: BrowserContext
let agent: Page
let manager: Page
let leader: Page

const inquiryRow = (page: Page) => page.locator('[data-testid="media-inquiry-row"]', { hasText: outlet })

beforeAll(async () => {
  browser = await launchBrowser()
  agentContext = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  managerContext = await desktopContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  leaderContext = await desktopContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  agent = await agentContext.newPage()
  manager = await managerContext.newPage()
  leader = await leaderContext.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe('S8.1–S8.3 a journalist on the line, handed to the manager; one spokesperson, one approved message', () => {
  it('the manager keeps the media register open', async () => {
    await signIn(manager, 'manager')
    await manager.goto('/#/media')
    await manager.getByTestId('media-export').waitFor()
  })

  it('S8.1/S8.2 an agent on a phone sees the holding reply and the reminder, and sends the form', async () => {
    await signIn(agent, 'agent1')
    await agent.getByTestId('tile-media').click()
    const reply = agent.getByTestId('media-holding-reply')
    await reply.waitFor()
    expect(await reply.textContent()).toContain('I am not able to answer questions from the media myself')
    expect(await agent.getByTestId('media-reminder').textContent()).toContain("do not give interviews or answer journalists' questions")
    await agent.getByTestId('media-lang-zh-CN').click()
    await expect.poll(() => reply.textContent()).toContain('我本人无法回答媒体的问题')

    await agent.locator('[data-testid="media-outlet"] input').fill(outlet)
    await agent.locator('[data-testid="media-name"] input').fill('Li Wen')
    await agent.locator('[data-testid="media-position"] input').fill('Reporter')
    await agent.locator('[data-testid="media-subject"] textarea').fill('The outage this morning')
    await agent.locator('[data-testid="media-contact"] input').fill('138 0000 0000')
    await agent.locator('[data-testid="media-deadline"] input').fill('today 17:00')
    await screenshot(agent, 'media-panel')
    await agent.getByTestId('media-send').click()
    await expect
      .poll(() => agent.getByTestId('media-status').getAttribute('data-state'), { timeout: 30_000, interval: 250 })
      .toBe('sent')
  })

  it('the manager’s console shows it live, new, and the manager takes it over', async () => {
    const row = inquiryRow(manager)
    await row.waitFor({ timeout: 30_000 })
    expect(await row.getAttribute('data-state')).toBe('new')
    await row.getByTestId('media-acknowledge').click()
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000, interval: 250 }).toBe('with_manager')
  })

  it('S8.3 leadership designates a spokesperson and approves the statement; the agent’s panel reads it', async () => {
    const incident = (await new Api(baseUrl, 'agent2').report('media', undefined, 'journalists calling')).incidentId
    await signIn(leader, 'leader')
    await leader.goto('/#/media')
    await leader.getByTestId('designate-incident').locator('input').fill(incident)
    await leader.getByTestId('designate-username').locator('input').fill('spokesperson')
    await leader.getByTestId('media-designate').click()
    await leader.locator('[data-testid="spokesperson-row"]', { hasText: incident }).waitFor({ timeout: 30_000 })

    await leader.getByTestId('statement-language').selectOption('en')
    await leader.getByTestId('statement-text').locator('textarea').fill(line)
    await leader.getByTestId('statement-save').click()
    const statement = leader.locator('[data-testid="statement-row"]', { hasText: line })
    await statement.waitFor({ timeout: 30_000 })
    expect(await statement.getAttribute('data-state')).toBe('draft')

    // before approval, agents never see it
    const before = await new Api(baseUrl, 'agent1').get<{ lines: { text: string }[] }>('/api/media/holding-lines?lang=en')
    expect(before.lines.map((l) => l.text)).not.toContain(line)
    expect((await new Api(baseUrl, 'agent1').call('GET', '/api/media/statements')).status).toBe(403)

    await statement.getByTestId('media-approve').click()
    await expect.poll(() => statement.getAttribute('data-state'), { timeout: 30_000, interval: 250 }).toBe('approved')
    await screenshot(leader, 'media-console')

    await agent.getByTestId('media-another').click()
    await agent.getByTestId('media-lang-en').click()
    await expect
      .poll(async () => (await agent.getByTestId('holding-line').allTextContents()).join('\n'), { timeout: 30_000, interval: 250 })
      .toContain(line)
  })
})
