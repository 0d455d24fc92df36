import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

interface RollCall {
  state: 'open' | 'closed'
  counts: { total: number; safe: number; missing: number; unknown: number; accounted: number }
  people: { username: string; status: string; markedBy?: string; marks: number }[]
}

const baseUrl = inject('baseUrl')
const manager = new Api(baseUrl, 'manager')
const marshal = new Api(baseUrl, 'lead1')
let browser: Browser
let managerContext: BrowserContext
let agentContext: BrowserContext
let tabletContext: BrowserContext
let managerPage: Page
let agentPage: Page
let tablet: Page
let fire = ''

const person = (page: Page, username: string) => page.locator(`[data-testid="rollcall-person"][data-username="${username}"]`)
const rollCall = () => manager.get<RollCall>(`/api/incidents/${fire}/rollcall`)

beforeAll(async () => {
  browser = await launchBrowser()
  managerContext = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  agentContext = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  tabletContext = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  managerPage = await managerContext.newPage()
  agentPage = await agentContext.newPage()
  tablet = await tabletContext.newPage()
  // a fire alarm of its own (fire incidents are center-wide)
  for (const incident of await manager.get<{ id: string; kind: string }[]>('/api/incidents?drill=exclude')) {
    if (incident.kind === 'fire') await manager.post(`/api/incidents/${incident.id}/resolve`, { clientId: randomUUID() })
  }
  fire = (await new Api(baseUrl, 'agent2').report('fire')).incidentId
})

afterAll(async () => {
  await browser?.close()
})

describe('S5.2/S5.3 a fire alarm: fault, test or real? then the roll call, on phones and a marshal tablet offline', () => {
  it('S5.2 the manager is asked first, with property management to call, and answers "real"', async () => {
    await signIn(managerPage, 'manager')
    await managerPage.goto(`/#/incident/${fire}`)
    await managerPage.getByTestId('fire-panel').waitFor()
    await managerPage.getByTestId('property-contact').first().waitFor()
    expect(await managerPage.getByTestId('property-contact').first().textContent()).toContain('021-5555-0100')
    await screenshot(managerPage, 'fire-triage')
    await managerPage.getByTestId('triage-real').click()
    await managerPage.locator('[data-testid="triage-confirm"] .van-dialog__confirm').click()
    await expect.poll(() => managerPage.getByTestId('triage-answer').getAttribute('data-answer'), { timeout: 30_000 }).toBe('real')
    await managerPage.getByTestId('open-rollcall').waitFor({ timeout: 30_000 })
    expect(await managerPage.getByTestId('assembly-point').textContent()).toContain('flagpole')
    const started = await rollCall()
    expect(started.state).toBe('open')
    expect(started.counts.total).toBeGreaterThanOrEqual(6)
  })

  it('S5.3 an agent marks themselves safe on their phone', async () => {
    await signIn(agentPage, 'agent1')
    await agentPage.goto('/#/safety')
    const card = agentPage.locator(`[data-testid="safety-rollcall"][data-incident="${fire}"]`)
    await card.waitFor({ timeout: 30_000 })
    await screenshot(agentPage, 'rollcall-phone')
    await card.getByTestId('mark-self-safe').click()
    await expect.poll(async () => (await rollCall()).people.find((p) => p.username === 'agent1')?.status, { timeout: 30_000 }).toBe('safe')
  })

  it('the marshal tablet keeps the roll call and the procedure, and marks people with no network', async () => {
    await signIn(tablet, 'lead1')
    await tablet.goto(`/#/rollcall/${fire}`)
    await person(tablet, 'agent3').waitFor({ timeout: 30_000 })
    await tablet.getByTestId('rollcall-procedure').waitFor()

    await tabletContext.setOffline(true)
    await person(tablet, 'agent3').getByTestId('mark-safe').click()
    await person(tablet, 'agent4').getByTestId('mark-safe').click()
    await person(tablet, 'agent5').getByTestId('mark-missing').click()
    // agent1 is safe already (their own phone): the tablet marks them too, unaware
    await expect.poll(() => tablet.getByTestId('rollcall-waiting').getAttribute('data-waiting')).toBe('3')
    expect(await person(tablet, 'agent3').getAttribute('data-status')).toBe('safe')
    expect(await person(tablet, 'agent3').getAttribute('data-pending')).toBe('yes')
    expect(await person(tablet, 'agent5').getAttribute('data-status')).toBe('missing')
    await tablet.getByTestId('rollcall-procedure').click()
    expect(await tablet.getByTestId('rollcall-procedure').textContent()).toContain('assembly point')
    await screenshot(tablet, 'rollcall-tablet-offline')
    // the server knows nothing of it yet
    expect((await rollCall()).people.find((p) => p.username === 'agent3')?.status).toBe('unknown')

    await tabletContext.setOffline(false)
    await expect.poll(async () => (await rollCall()).people.find((p) => p.username === 'agent5')?.status, { timeout: 45_000 }).toBe('missing')
    const after = await rollCall()
    expect(after.people.find((p) => p.username === 'agent3')).toMatchObject({ status: 'safe', markedBy: 'lead1', marks: 1 })
    expect(after.people.find((p) => p.username === 'agent4')?.status).toBe('safe')
    await tablet.getByTestId('rollcall-waiting').waitFor({ state: 'detached', timeout: 30_000 })
  })

  it('a second tablet marking the same people counts them once', async () => {
    const before = await rollCall()
    const entries = ['agent3', 'agent4', 'agent1'].map((username) => ({
      id: randomUUID(),
      kind: 'rollcall.marked',
      incident: fire,
      recordedAt: new Date(Date.now() - 60_000).toISOString(),
      payload: { username, status: 'safe' },
    }))
    const pushed = await new Api(baseUrl, 'manager').post<{ results: { status: string }[] }>('/api/sync/push', { device: 'tablet-2', entries })
    expect(pushed.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored'])
    const after = await rollCall()
    expect(after.counts.safe).toBe(before.counts.safe)
    expect(after.counts.total).toBe(before.counts.total)
  })

  it('the manager sees live counts and names, and ends the roll call once everyone is accounted for', async () => {
    await managerPage.goto(`/#/rollcall/${fire}`)
    await managerPage.getByTestId('rollcall-counts').waitFor()
    await expect.poll(() => managerPage.getByTestId('count-missing').textContent(), { timeout: 30_000 }).toBe('1')
    expect(await person(managerPage, 'agent5').getAttribute('data-status')).toBe('missing')
    // everyone else is found at the assembly point (marked by the marshal over the API)
    for (const p of (await rollCall()).people.filter((x) => x.status !== 'safe')) {
      await marshal.post(`/api/incidents/${fire}/rollcall/marks`, { username: p.username, status: 'safe', clientId: randomUUID() })
    }
    await expect.poll(() => managerPage.getByTestId('count-unknown').textContent(), { timeout: 30_000 }).toBe('0')
    expect(await managerPage.getByTestId('count-missing').textContent()).toBe('0')
    await screenshot(managerPage, 'rollcall-manager')
    await managerPage.getByTestId('rollcall-close').click()
    await managerPage.locator('[data-testid="rollcall-close-dialog"] .van-dialog__confirm').click()
    await expect.poll(() => managerPage.getByTestId('rollcall-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('closed')
    const log = await manager.get<{ entries: { type: string; text: string }[] }>(`/api/incidents/${fire}/log`)
    expect(log.entries.map((e) => e.text).join('\n')).toMatch(/ended the roll call: \d+ safe, 0 not on site, 0 missing, 0 not accounted for/)
  })
})
