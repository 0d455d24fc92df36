import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { launchBrowser, phoneContext, screenshot, signIn } from './support/browser'

/**
 * S4.2, S5.1 on a phone in zh-CN: the administrator sets up the safety of the demo site (hq) from Me > Administration:
 * adds an alarm zone and renames it, adds a readiness rule for megaphones (after a refused value, which shows by its
 * field in Chinese), and the API answers both; a manager has no such screen.
 */
const baseUrl = inject('baseUrl')
const admin = new Api(baseUrl, 'admin')
const ZONE = `E2E-${Date.now().toString(36).toUpperCase()}`
let browser: Browser
let context: BrowserContext
let page: Page

interface Zone {
  site: string
  code: string
  name: string
  floor?: string
  state: string
}
interface Readiness {
  site: string
  seats: number
  ready: boolean
  items: { kind: string; quantity: number; required: number; missing: number; perSeats?: number; atLeast: number }[]
}

const zone = async (code: string) => (await admin.get<Zone[]>('/api/alarm/zones?site=hq')).find((z) => z.code === code)
const rule = async (kind: string) => (await admin.get<Readiness>('/api/supplies/hq')).items.find((i) => i.kind === kind)
const errorOf = (testId: string) => page.getByTestId(testId).locator('.van-field__error-message')

beforeAll(async () => {
  browser = await launchBrowser()
  context = await phoneContext(browser, { baseUrl, locale: 'zh-CN', serviceWorkers: 'block' })
  page = await context.newPage()
  // a rule left by an earlier run on the same data would make the kind's chip disappear
  await admin.call('DELETE', '/api/supplies/hq/rules/megaphone')
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('S4.2, S5.1 the administrator sets up a site’s safety on a phone', () => {
  it('Me > Administration leads to the safety setup of the demo site', async () => {
    await signIn(page, 'admin')
    await page.goto('/#/me')
    await page.getByTestId('me-safety-admin').click()
    await page.waitForURL(/#\/admin\/safety/)
    await expect.poll(() => page.getByTestId('site-name').locator('input').inputValue(), { timeout: 15_000 }).toContain('总部')
    expect(await page.getByTestId('safety-site').textContent()).toContain('hq')
    await screenshot(page, 'safety-admin-site')
  })

  it('S5.1 a zone code the server refuses shows its reason by the field, in Chinese', async () => {
    await page.getByTestId('safety-tab-zones').click()
    await page.getByTestId('zone-row').first().waitFor()
    await page.getByTestId('zone-add').click()
    await page.getByTestId('zone-code').locator('input').fill('bad code!')
    await page.getByTestId('zone-name').locator('input').fill('3F 茶水间')
    await page.getByTestId('zone-save').click()
    await expect.poll(() => errorOf('zone-code').textContent(), { timeout: 15_000 }).toContain('区域代码为')
    await screenshot(page, 'safety-admin-zone-refused')
    expect(await zone('bad code!')).toBeUndefined()
  })

  it('S5.1 the administrator adds an alarm zone and renames it; the API returns it', async () => {
    await page.getByTestId('zone-code').locator('input').fill(ZONE)
    await page.getByTestId('zone-floor').locator('input').fill('3F')
    await page.getByTestId('zone-save').click()
    await page.locator(`[data-testid="zone-row"][data-code="${ZONE}"]`).waitFor({ timeout: 15_000 })
    expect(await zone(ZONE)).toMatchObject({ site: 'hq', code: ZONE, name: '3F 茶水间', floor: '3F', state: 'normal' })
    await screenshot(page, 'safety-admin-zones')

    await page.locator(`[data-testid="zone-row"][data-code="${ZONE}"]`).click()
    expect(await page.getByTestId('zone-code').locator('input').inputValue()).toBe(ZONE)
    await page.getByTestId('zone-name').locator('input').fill('3F 茶水间（东）')
    await page.getByTestId('zone-save').click()
    await expect.poll(async () => (await zone(ZONE))?.name, { timeout: 15_000 }).toBe('3F 茶水间（东）')
    // the screen reads the zones again after the save: wait for that answer, not only the server's
    await expect.poll(() => page.locator(`[data-testid="zone-row"][data-code="${ZONE}"]`).textContent(), { timeout: 15_000 })
      .toContain('3F 茶水间（东）')
  })

  it('S4.2 a rule of one per 0 seats is refused by the field; one per 50, at least 2, is saved and the readiness follows', async () => {
    await page.getByTestId('safety-tab-supplies').click()
    await page.getByTestId('rule-row').first().waitFor()
    await page.getByTestId('rule-add').click()
    await page.getByTestId('rule-kind-megaphone').click()
    expect(await page.getByTestId('rule-kind').locator('input').inputValue()).toBe('megaphone')
    await page.getByTestId('rule-per-seats').locator('input').fill('0')
    await page.getByTestId('rule-save').click()
    await expect.poll(() => errorOf('rule-per-seats').textContent(), { timeout: 15_000 }).toContain('1 至 10000')
    await screenshot(page, 'safety-admin-rule-refused')
    expect(await rule('megaphone')).toBeUndefined()

    await page.getByTestId('rule-per-seats').locator('input').fill('50')
    await page.getByTestId('rule-at-least').locator('input').fill('2')
    await page.getByTestId('rule-save').click()
    const row = page.locator('[data-testid="rule-row"][data-kind="megaphone"]')
    await row.waitFor({ timeout: 15_000 })
    const saved = await rule('megaphone')
    expect(saved).toMatchObject({ perSeats: 50, atLeast: 2 })
    const seats = (await admin.get<Readiness>('/api/supplies/hq')).seats
    expect(saved?.required).toBe(Math.max(2, Math.ceil(seats / 50)))
    // what the server answered is what the screen shows: megaphones are short, so the site is not ready
    expect(await row.getAttribute('data-required')).toBe(String(saved?.required))
    expect(await page.getByTestId('readiness').getAttribute('data-ready')).toBe('no')
    expect(await page.getByTestId('readiness-missing').textContent()).toContain('扩音器')
    await page.getByTestId('readiness').scrollIntoViewIfNeeded()
    await screenshot(page, 'safety-admin-supplies')
  })

  it('S4.2 the rule is removed from its sheet; the API no longer has it', async () => {
    await page.locator('[data-testid="rule-row"][data-kind="megaphone"]').click()
    await page.getByTestId('rule-remove').click()
    await page.locator('[data-testid="rule-row"][data-kind="megaphone"]').waitFor({ state: 'detached', timeout: 15_000 })
    expect(await rule('megaphone')).toBeUndefined()
  })

  it('a manager has neither the entry nor the screen', async () => {
    const managerContext = await phoneContext(browser, { baseUrl, locale: 'zh-CN', serviceWorkers: 'block' })
    const managerPage = await managerContext.newPage()
    await signIn(managerPage, 'manager')
    await managerPage.goto('/#/me')
    await managerPage.getByTestId('me-safety').waitFor()
    expect(await managerPage.getByTestId('me-safety-admin').count()).toBe(0)
    await managerPage.goto('/#/admin/safety')
    await managerPage.waitForURL(/#\/board/)
    expect(await managerPage.getByTestId('safety-site').count()).toBe(0)
    await managerContext.close()
  })
})
