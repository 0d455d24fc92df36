import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { boardCards, waitUntilSent } from './support/app'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn, type Locale } from './support/browser'

const baseUrl = inject('baseUrl')
const admin = new Api(baseUrl, 'admin')
let browser: Browser
let systemIncident = ''

const VARIANTS: { locale: Locale; tag: string; size: 'phone' | 'desktop' }[] = [
  { locale: 'zh-CN', tag: 'zh-CN', size: 'phone' },
  { locale: 'zh-CN', tag: 'zh-CN', size: 'desktop' },
  { locale: 'en-US', tag: 'en', size: 'phone' },
  { locale: 'en-US', tag: 'en', size: 'desktop' },
]

beforeAll(async () => {
  await admin.resolveAllOpen()
  browser = await launchBrowser()
  // A realistic board: a system failure many people reported, acknowledged and noted; a fault at one seat; a power cut.
  systemIncident = (await new Api(baseUrl, 'agent1').report('system', 'A-01', 'CRM will not load')).incidentId
  await new Api(baseUrl, 'agent2').report('system', 'A-02')
  await new Api(baseUrl, 'agent3').report('system', 'A-03', '工单系统打不开')
  await new Api(baseUrl, 'agent4').report('equipment', 'A-04', 'headset dead')
  await new Api(baseUrl, 'agent5').report('power')
  const manager = new Api(baseUrl, 'manager')
  await manager.post(`/api/incidents/${systemIncident}/acknowledge`, { clientId: randomUUID() })
  await manager.post(`/api/incidents/${systemIncident}/notes`, { clientId: randomUUID(), text: 'Vendor called, ticket opened / 已联系供应商' })
})

afterAll(async () => {
  await browser?.close()
})

async function newPage(size: 'phone' | 'desktop', locale: Locale): Promise<{ context: BrowserContext; page: Page }> {
  const make = size === 'phone' ? phoneContext : desktopContext
  const context = await make(browser, { baseUrl, locale, serviceWorkers: 'block' })
  return { context, page: await context.newPage() }
}

async function toastsGone(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.van-toast:visible').count(), { timeout: 5_000 }).toBe(0)
}

describe.each(VARIANTS)('screens, $tag on a $size', ({ locale, tag, size }) => {
  it('the agent’s report screen, with its sheet open and with a sent report', async () => {
    const { context, page } = await newPage(size, locale)
    try {
      await signIn(page, 'agent6')
      await page.getByTestId('tile-system').waitFor()
      await screenshot(page, `report-${tag}-${size}-empty`)
      await page.getByTestId('tile-system').click()
      await page.getByTestId('report-sheet').waitFor()
      await page.getByTestId('report-note').fill(tag === 'en' ? 'Calls drop after 10 s' : '通话 10 秒后掉线')
      await screenshot(page, `report-${tag}-${size}-sheet`)
      await page.getByTestId('report-send').click()
      expect(await waitUntilSent(page.getByTestId('my-report').first())).toBe(systemIncident)
      await toastsGone(page)
      await screenshot(page, `report-${tag}-${size}`)
    } finally {
      await context.close()
    }
  })

  it('the manager’s board and the incident page with its log', async () => {
    const { context, page } = await newPage(size, locale)
    try {
      await signIn(page, 'manager')
      await page.getByTestId('board-live').waitFor()
      await expect.poll(() => boardCards(page).count()).toBe(3)
      await screenshot(page, `board-${tag}-${size}`)

      await boardCards(page, 'system').click()
      await page.getByTestId('incident-header').waitFor()
      await page.getByTestId('incident-acknowledged').waitFor()
      await screenshot(page, `incident-${tag}-${size}`)
      await page.getByTestId('tab-log').click()
      await expect.poll(() => page.getByTestId('log-verify').getAttribute('data-valid'), { timeout: 15_000 }).toBe('true')
      await screenshot(page, `incident-log-${tag}-${size}`)
    } finally {
      await context.close()
    }
  })
})
