import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { Api } from './support/api'
import { CHROMIUM, screenshot, signIn, waitForServiceWorker } from './support/browser'

/**
 * S2.5 manual capture through a network cut, a reload, a closed tab and a browser restart: every record an agent
 * captured arrives exactly once. The browser keeps its profile in a folder of its own, so that a restart is a
 * real one (a new Chromium process on the same IndexedDB).
 */
const baseUrl = inject('baseUrl')
const run = randomUUID().slice(0, 6)
const managerApi = new Api(baseUrl, 'manager')
// the journal hands a captured customer's details to their author and admins only
const adminApi = new Api(baseUrl, 'admin')
const profile = mkdtempSync(join(tmpdir(), 'stormdesk-capture-'))
const names = ['A', 'B', 'C', 'D', 'E'].map((n) => `Customer ${n} ${run}`)
let context: BrowserContext
let page: Page
let incidentId = ''

function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
      '--disable-component-update', '--disable-sync'],
    baseURL: baseUrl,
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    serviceWorkers: 'allow',
  })
}

async function capture(p: Page, name: string, phone: string): Promise<void> {
  await p.getByTestId('capture-name').fill(name)
  await p.keyboard.press('Enter')
  await p.keyboard.type(phone)
  await p.keyboard.press('Enter')
  await p.keyboard.press('Enter')
  await p.keyboard.type('Bill charged twice during the outage')
  await p.keyboard.press('Enter')
  await p.getByTestId('capture-category').selectOption('billing')
  await p.keyboard.press('Enter')
  await p.keyboard.press('Enter')
  await expect.poll(() => p.getByTestId('capture-name').inputValue()).toBe('')
}

const rows = (p: Page, state: 'waiting' | 'sent' | 'refused') =>
  p.locator(`[data-testid="captured-row"][data-state="${state}"]`, { hasText: run })

beforeAll(async () => {
  incidentId = (await new Api(baseUrl, 'agent2').report('system', undefined, 'CRM down')).incidentId
  context = await launch()
  page = context.pages()[0] ?? (await context.newPage())
})

afterAll(async () => {
  await context?.close()
  rmSync(profile, { recursive: true, force: true })
})

describe('S2.5 customers captured by hand arrive exactly once, whatever happens to the network and the browser', () => {
  it('the incident page of a system failure offers capture; two records go up at once', async () => {
    await signIn(page, 'agent4')
    await waitForServiceWorker(page)
    await page.goto(`/#/incident/${incidentId}`)
    await page.getByTestId('incident-capture-open').click()
    await page.getByTestId('capture-form').waitFor()
    await capture(page, names[0]!, '138 0013 8000')
    await capture(page, names[1]!, '+44 20 7946 0958')
    await expect.poll(() => rows(page, 'sent').count(), { timeout: 30_000, interval: 300 }).toBe(2)
  })

  it('with the network cut, records wait on the device, marked not yet sent, through a reload and a closed tab', async () => {
    await context.setOffline(true)
    await capture(page, names[2]!, '13900000003')
    await capture(page, names[3]!, '021 5555 0100')
    await expect.poll(() => rows(page, 'waiting').count()).toBe(2)
    expect(await rows(page, 'waiting').first().innerText()).toContain('Not yet sent')
    await page.getByTestId('capture-offline').waitFor()
    await screenshot(page, 'capture-offline-waiting')

    await page.reload()
    await page.getByTestId('capture-form').waitFor()
    await expect.poll(() => rows(page, 'waiting').count()).toBe(2)
    await capture(page, names[4]!, '13900000005')
    await expect.poll(() => rows(page, 'waiting').count()).toBe(3)

    await page.close()
    page = await context.newPage()
    await page.goto(`/#/capture?incident=${incidentId}`)
    await page.getByTestId('capture-form').waitFor()
    await expect.poll(() => rows(page, 'waiting').count()).toBe(3)
  })

  it('after a browser restart, still offline, nothing is lost; back online, everything arrives once', async () => {
    await context.close()
    context = await launch()
    await context.setOffline(true)
    page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`/#/capture?incident=${incidentId}`)
    await page.getByTestId('capture-form').waitFor()
    await expect.poll(() => rows(page, 'waiting').count()).toBe(3)
    expect(await rows(page, 'sent').count()).toBe(2)

    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    if (await page.getByTestId('login-username').isVisible().catch(() => false)) {
      await signIn(page, 'agent4')
      await page.goto(`/#/capture?incident=${incidentId}`)
    }
    await expect.poll(() => rows(page, 'sent').count(), { timeout: 60_000, interval: 500 }).toBe(5)
    expect(await rows(page, 'waiting').count()).toBe(0)

    const listed = (await managerApi.get<{ name: string; incidentId: string; capturedBy: string }[]>(
      `/api/capture/records?incident=${incidentId}&limit=1000`)).filter((r) => r.name.endsWith(run))
    expect(listed.map((r) => r.name).sort()).toEqual([...names].sort())
    expect(new Set(listed.map((r) => r.capturedBy))).toEqual(new Set(['agent4']))
    const entries = (await adminApi.pullAll()).filter((e) => e.kind === 'customer.captured' && String(e.payload?.['name']).endsWith(run))
    expect(entries).toHaveLength(5)
    expect(new Set(entries.map((e) => e.id)).size).toBe(5)
    await screenshot(page, 'capture-all-sent')
  })
})
