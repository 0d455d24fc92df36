import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { boardCards, reportViaUi, waitUntilSent } from './support/app'
import { desktopContext, launchBrowser, phoneContext, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
const admin = new Api(baseUrl, 'admin')
const managerApi = new Api(baseUrl, 'manager')

let browser: Browser
const contexts: BrowserContext[] = []
let agent1: Page
let agent2: Page
let manager: Page

async function open(kind: 'phone' | 'desktop', username: string): Promise<Page> {
  const make = kind === 'phone' ? phoneContext : desktopContext
  const context = await make(browser, { baseUrl, serviceWorkers: 'block' })
  contexts.push(context)
  const page = await context.newPage()
  await signIn(page, username)
  return page
}

beforeAll(async () => {
  await admin.resolveAllOpen()
  browser = await launchBrowser()
  agent1 = await open('phone', 'agent1')
  agent2 = await open('phone', 'agent2')
  manager = await open('desktop', 'manager')
  await manager.getByTestId('board-live').waitFor()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

describe('a storm of reports', () => {
  it('S2.1 three agents reporting a system failure (two in the app, one through the API) make one system incident of 3 reports', async () => {
    const first = await reportViaUi(agent1, 'system', { note: 'CRM down' })
    const incident = await waitUntilSent(first)
    const second = await reportViaUi(agent2, 'system')
    expect(await waitUntilSent(second)).toBe(incident)
    const third = await new Api(baseUrl, 'agent4').report('system', 'A-04', 'softphone cannot log in')
    expect(third).toEqual(expect.objectContaining({ incidentId: incident, joined: true }))

    const cards = boardCards(manager, 'system')
    await expect.poll(() => cards.getByTestId('report-count').allInnerTexts(), { timeout: 30_000, interval: 500 }).toEqual(['3'])
    expect(await cards.getAttribute('data-id')).toBe(incident)
    expect(await cards.getByTestId('reporter-count').innerText()).toBe('3')

    const open = (await managerApi.incidents('open')).filter((i) => i.kind === 'system')
    expect(open.map((i) => [i.id, i.reportCount, i.reporterCount, i.scope])).toEqual([[incident, 3, 3, 'center']])
  })

  it('S1.1 two agents reporting an equipment fault from seats A-01 and A-02 make two equipment incidents, one per seat', async () => {
    const atA01 = await reportViaUi(agent1, 'equipment', { seat: 'A-01', note: 'headset dead' })
    const atA02 = await reportViaUi(agent2, 'equipment', { seat: 'A-02', note: 'monitor black' })
    const one = await waitUntilSent(atA01)
    const two = await waitUntilSent(atA02)
    expect(one).not.toBe(two)

    const cards = boardCards(manager, 'equipment')
    await expect.poll(() => cards.count(), { timeout: 30_000, interval: 500 }).toBe(2)
    const seen = await cards.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-id'), el.querySelector('[data-testid="report-count"]')?.textContent?.trim()]),
    )
    expect(new Set(seen.map(([id]) => id))).toEqual(new Set([one, two]))
    expect(seen.map(([, count]) => count)).toEqual(['1', '1'])
    const text = await cards.allInnerTexts()
    expect(text.join(' ')).toContain('A-01')
    expect(text.join(' ')).toContain('A-02')

    const equipment = (await managerApi.incidents('open')).filter((i) => i.kind === 'equipment')
    expect(equipment.map((i) => i.seat).sort()).toEqual(['A-01', 'A-02'])
    expect(equipment.map((i) => i.scope).sort()).toEqual(['seat:A-01', 'seat:A-02'])
    // The system incident is still one.
    expect(await boardCards(manager, 'system').count()).toBe(1)
  })
})
