import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
let browser: Browser
let context: BrowserContext
let manager: Page

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

  it('S7.2 the manager switches the IVR message on for the surge; the platform reads it live', async () => {
    const ivr = manager.getByTestId('traffic-diversion-row').filter({ hasText: 'IVR' }).first()
    await ivr.locator('.van-switch:not(.van-switch--disabled)').waitFor({ timeout: 30_000 })
    await ivr.locator('.van-switch').click()
    const api = new Api(baseUrl, 'agent1')
    await expect
      .poll(async () => (await api.get<Live>('/api/diversion/active?channel=ivr')).messages.length, { timeout: 30_000, interval: 500 })
      .toBeGreaterThan(0)
    await screenshot(manager, 'traffic-diversion')
  })
})
