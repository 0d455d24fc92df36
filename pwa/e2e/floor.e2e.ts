import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

/**
 * S1.1, S1.2 on phones: the demo floor (hq, 3F) has agents 1 to 6 at A-01 to A-06. agent3's headset fails: they report
 * it from their seat in two taps; the manager sees A-03 turn broken on the seat map and moves agent3 to the proposed
 * seat (the nearest free one with the same equipment: B-03, across the aisle) in one tap.
 */
const baseUrl = inject('baseUrl')
const manager = new Api(baseUrl, 'manager')
let browser: Browser
let agentContext: BrowserContext
let managerContext: BrowserContext
let agentPage: Page
let managerPage: Page

interface SeatView {
  code: string
  state: 'free' | 'taken' | 'broken'
  occupant?: string
  equipment: { kind: string; broken: boolean }[]
}

async function seatOnTheMap(code: string): Promise<SeatView | undefined> {
  const map = await manager.get<{ seats: SeatView[] }>('/api/site/floors/hq/3F')
  return map.seats.find((s) => s.code === code)
}

beforeAll(async () => {
  browser = await launchBrowser()
  agentContext = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  managerContext = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  agentPage = await agentContext.newPage()
  managerPage = await managerContext.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe('S1.1–S1.2 a faulty headset, reported from the seat, and the agent moved to the proposed seat', () => {
  it('the manager watches the seat map on a phone: agent3 sits at A-03', async () => {
    await signIn(managerPage, 'manager')
    await managerPage.goto('/#/floor')
    const seat = managerPage.getByTestId('seat-A-03')
    await seat.waitFor({ timeout: 30_000 })
    expect(await seat.getAttribute('data-state')).toBe('taken')
    expect(await seat.textContent()).toContain('agent3')
    await screenshot(managerPage, 'floor-map')
  })

  it('S1.1 agent3 reports the headset from the seat in two taps', async () => {
    await signIn(agentPage, 'agent3')
    await agentPage.goto('/#/seat')
    const headset = agentPage.getByTestId('report-device-headset')
    await headset.waitFor({ timeout: 30_000 })
    await screenshot(agentPage, 'floor-my-seat')
    await headset.click() // tap one: the device
    await agentPage.getByTestId('report-device-send').click() // tap two: report
    await expect
      .poll(async () => (await seatOnTheMap('A-03'))?.equipment.find((d) => d.kind === 'headset')?.broken, { timeout: 30_000, interval: 250 })
      .toBe(true)
  })

  it('S1.2 the map shows A-03 broken live; the manager moves agent3 to the proposed seat in one tap', async () => {
    const seat = managerPage.getByTestId('seat-A-03')
    await expect.poll(() => seat.getAttribute('data-state'), { timeout: 30_000, interval: 250 }).toBe('broken')
    await seat.click()
    const proposed = managerPage.getByTestId('move-proposed')
    await proposed.waitFor({ timeout: 15_000 })
    expect(await proposed.textContent()).toContain('B-03')
    await screenshot(managerPage, 'floor-move-sheet')
    await proposed.click()
    await expect.poll(() => managerPage.getByTestId('seat-B-03').getAttribute('data-state'), { timeout: 30_000, interval: 250 }).toBe('taken')
    expect(await managerPage.getByTestId('seat-B-03').textContent()).toContain('agent3')
    expect(await managerPage.getByTestId('seat-A-03').textContent()).not.toContain('agent3')
    const moved = await seatOnTheMap('B-03')
    expect(moved?.occupant).toBe('agent3')
    expect((await seatOnTheMap('A-03'))?.state).toBe('broken')
    await screenshot(managerPage, 'floor-after-move')
  })
})
