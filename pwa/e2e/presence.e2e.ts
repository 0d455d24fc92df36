import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
let browser: Browser
let phone: BrowserContext
let desk: BrowserContext
let agent: Page
let manager: Page
let incident = ''

const person = (page: Page, username: string) => page.locator(`[data-testid="duty-person"][data-username="${username}"]`)

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  desk = await desktopContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  agent = await phone.newPage()
  manager = await desk.newPage()
  // the presence entries go to the newest open incident of the whole center: this one
  await new Api(baseUrl, 'manager').resolveAllOpen()
  incident = (await new Api(baseUrl, 'agent4').report('system', undefined, 'ticketing down')).incidentId
})

afterAll(async () => {
  await browser?.close()
})

describe('S2.4 nobody leaves the system without permission', () => {
  it('an agent asks to leave from the phone, offline; the request goes when the network is back', async () => {
    await signIn(agent, 'agent3')
    await agent.getByTestId('tab-me').click()
    await agent.getByTestId('me-presence').click()
    await expect.poll(() => agent.getByTestId('presence-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('present')
    await phone.setOffline(true)
    await agent.getByTestId('presence-reason').locator('input').fill('restroom')
    await agent.getByTestId('presence-minutes-5').click()
    await agent.getByTestId('presence-ask').click()
    await expect.poll(() => agent.getByTestId('presence-state').getAttribute('data-state')).toBe('asked')
    expect(await agent.getByTestId('presence-waiting').isVisible()).toBe(true)
    await phone.setOffline(false)
    await expect.poll(() => agent.getByTestId('presence-waiting').count(), { timeout: 60_000 }).toBe(0)
  })

  it('the manager sees who is on duty, allows it, and the agent is on leave; back, and it is all in the log', async () => {
    await signIn(manager, 'manager')
    await manager.goto('/#/presence/duty')
    await expect.poll(() => person(manager, 'agent3').getAttribute('data-state'), { timeout: 30_000 }).toBe('asked')
    await screenshot(manager, 'presence-duty-list')
    await manager.locator('[data-testid="duty-request"]', { hasText: 'agent3' }).getByTestId('duty-allow').click()
    await expect.poll(() => person(manager, 'agent3').getAttribute('data-state'), { timeout: 30_000 }).toBe('on_leave')

    await expect.poll(() => agent.getByTestId('presence-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('on_leave')
    await screenshot(agent, 'presence-on-leave-phone')
    await agent.getByTestId('presence-back').click()
    await expect.poll(() => person(manager, 'agent3').getAttribute('data-state'), { timeout: 30_000 }).toBe('present')

    const log = await new Api(baseUrl, 'manager').get<{ entries: { text: string }[] }>(`/api/incidents/${incident}/log`)
    const texts = log.entries.map((e) => e.text)
    expect(texts.some((t) => t.startsWith('agent3 asked to leave: restroom'))).toBe(true)
    expect(texts).toContain('manager allowed agent3 to leave.')
    expect(texts).toContain('agent3 is back.')
  })
})
