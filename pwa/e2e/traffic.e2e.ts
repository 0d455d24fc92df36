import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
let browser: Browser
let context: BrowserContext
let manager: Page

interface Move {
  username: string
  queue: string
  incidentId: string
  position: string
  returnedAt?: string
}

interface Proposal {
  queue: string
  gap: number
  candidates: Array<{ username: string }>
  proposed: string[]
}

interface Live {
  channel: string
  etag: string
  messages: Array<{ id: string; title: string; incidentId?: string }>
}

beforeAll(async () => {
  browser = await launchBrowser()
  context = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  manager = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe('S7.1/S7.2 a volume surge: seen live on the traffic dashboard, an incident opened, diversion switched on', () => {
  it('the manager sees every demo queue with offered against expected and staffed against required', async () => {
    await signIn(manager, 'manager')
    await manager.goto('/#/me')
    await manager.getByTestId('me-traffic').click()
    await expect.poll(() => manager.getByTestId('traffic-queue').count(), { timeout: 90_000, interval: 1000 }).toBeGreaterThanOrEqual(3)
    expect(await manager.getByTestId('traffic-staffing').first().textContent()).toMatch(/\d+ \/ \d+/)
    expect(await manager.getByTestId('traffic-offered-line').first().getAttribute('points')).toMatch(/\d/)
  })

  it('S7.1 a simulated surge on the hotline is detected and opens a surge incident on request', async () => {
    const hotline = manager.getByTestId('traffic-queue').filter({ hasText: 'Hotline' })
    await hotline.getByTestId('traffic-simulate').click()
    // Three times the usual volume in the running five-minute interval is mostly alarmed at once, but in the busy hours
    // of the center's day (about one time in seven at 10:00 in Shanghai) the detector needs the next interval as well,
    // which the simulator reports at its first tick (every 20 s) after the running one ends: wait for that, so the test
    // does not depend on the hour it runs at.
    await hotline.getByTestId('traffic-surge-tag').waitFor({ timeout: 360_000 })
    const row = manager.getByTestId('traffic-surge-row').filter({ hasText: 'demo-voice' }).first()
    await row.waitFor({ timeout: 30_000 })
    await screenshot(manager, 'traffic-surge')
    await row.getByRole('button').click()
    await row.getByRole('link').waitFor({ timeout: 30_000 })
    const surges = await new Api(baseUrl, 'manager').get<Array<{ queue: string; incidentId?: string; action: string }>>(
      `/api/traffic/surges?queue=demo-voice&from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`)
    expect(surges.some((s) => s.action === 'opened' && s.incidentId)).toBe(true)
  }, 480_000)

  it('S7.1 the manager moves a proposed person onto the hotline in one action, sees them on the lines, sends them back', async () => {
    const api = new Api(baseUrl, 'manager')
    const hotline = manager.getByTestId('traffic-queue').filter({ hasText: 'Hotline' })
    // the hotline is short in the surge: its card names the people proposed, unasked
    await hotline.getByTestId('traffic-staff-summary').waitFor({ timeout: 30_000 })
    await hotline.getByTestId('traffic-staff-open').click()
    const sheet = manager.getByTestId('traffic-staff-sheet')
    await sheet.getByTestId('traffic-staff-gap').waitFor()
    const candidate = (username: string) => sheet.locator(`[data-testid="traffic-staff-candidate"][data-username="${username}"]`)
    const usernames = (selector: string) =>
      sheet.locator(selector).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-username')))
    const ticked = () => usernames('[data-testid="traffic-staff-candidate"]:has(.van-checkbox__icon--checked)')

    // the people proposed to close the gap (outbound first) are ticked among the candidates, and only they
    const proposal = await api.get<Proposal>('/api/traffic/staff/proposal?queue=demo-voice')
    expect(proposal.gap).toBeGreaterThan(0)
    expect(proposal.proposed[0]).toBe('agent5')
    await expect.poll(() => usernames('[data-testid="traffic-staff-candidate"][data-proposed="true"]'), { timeout: 10_000 }).toContain('agent5')
    const proposed = await usernames('[data-testid="traffic-staff-candidate"][data-proposed="true"]')
    expect(await ticked()).toEqual(proposed)
    await screenshot(manager, 'traffic-staff-proposal')

    // the manager keeps only agent5 and moves them in one action
    for (const other of proposed.filter((u) => u !== 'agent5')) await candidate(other ?? '').click()
    await expect.poll(ticked).toEqual(['agent5'])
    await sheet.getByTestId('traffic-staff-move').click()
    await manager.locator('.van-dialog__confirm').click()
    await sheet.waitFor({ state: 'hidden' })

    const row = manager.locator('[data-testid="traffic-moved-row"][data-username="agent5"]')
    await row.waitFor({ timeout: 30_000 })
    expect(await row.textContent()).toContain('Hotline')
    const moved = await api.get<Move[]>('/api/traffic/staff/moves')
    expect(moved.filter((m) => m.username === 'agent5')).toMatchObject([{ queue: 'demo-voice', position: 'outbound' }])
    expect(moved.some((m) => m.username === 'agent6')).toBe(false)
    await screenshot(manager, 'traffic-staff-moved')

    // sent back, after a confirmation
    await row.getByTestId('traffic-moved-back').click()
    await manager.locator('.van-dialog__confirm').click()
    await row.waitFor({ state: 'detached', timeout: 30_000 })
    expect((await api.get<Move[]>('/api/traffic/staff/moves')).some((m) => m.username === 'agent5')).toBe(false)
  })

  it('S7.2 the manager switches the IVR message on for the surge; the platform reads it live', async () => {
    const ivr = manager.locator('[data-testid="traffic-diversion-row"][data-channel="ivr"]')
    await ivr.locator('.van-switch:not(.van-switch--disabled)').waitFor({ timeout: 30_000 })
    await ivr.locator('.van-switch').click()
    const api = new Api(baseUrl, 'agent1')
    await expect
      .poll(async () => (await api.get<Live>('/api/diversion/active?channel=ivr')).messages.length, { timeout: 30_000, interval: 500 })
      .toBeGreaterThan(0)
    await expect.poll(() => ivr.getAttribute('data-state'), { timeout: 30_000 }).toBe('live')
    await screenshot(manager, 'traffic-diversion')
  })

  it('S7.2 during a network outage the manager switches the chat auto-reply on; it goes live once back online', async () => {
    const chat = manager.locator('[data-testid="traffic-diversion-row"][data-channel="chat"]')
    const api = new Api(baseUrl, 'agent1')
    const liveOnChat = async () => (await api.get<Live>('/api/diversion/active?channel=chat')).messages.length
    expect(await chat.getAttribute('data-state')).toBe('off')
    expect(await liveOnChat()).toBe(0)

    await context.setOffline(true)
    await chat.locator('.van-switch').click()
    await chat.getByTestId('traffic-diversion-pending').waitFor()
    expect(await chat.getAttribute('data-state')).toBe('pending')
    expect(await chat.locator('.van-switch--on').count()).toBe(1)
    await screenshot(manager, 'traffic-diversion-offline')
    // nothing reached the server while offline
    expect(await liveOnChat()).toBe(0)

    await context.setOffline(false)
    await expect.poll(() => chat.getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('live')
    expect(await chat.getByTestId('traffic-diversion-pending').count()).toBe(0)
    expect(await liveOnChat()).toBe(1)
  })
})
