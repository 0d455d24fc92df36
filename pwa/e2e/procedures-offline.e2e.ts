import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext, screenshot, signIn, waitForServiceWorker } from './support/browser'

const KINDS = ['equipment', 'system', 'power', 'aircon', 'fire', 'website', 'surge', 'media']

const baseUrl = inject('baseUrl')
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

async function newPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseUrl, locale: 'zh-CN' })
  contexts.push(context)
  return { context, page: await context.newPage() }
}

async function sections(page: Page): Promise<{ kinds: string[]; titles: string[] }> {
  const rows = page.getByTestId('procedure-section')
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(8)
  return {
    kinds: await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind') ?? '')),
    titles: (await rows.allInnerTexts()).map((t) => t.trim()),
  }
}

async function openProceduresTab(page: Page): Promise<void> {
  await page.getByTestId('tab-procedures').click()
  await page.waitForURL(/#\/procedures/)
  await page.getByTestId('procedure-title').waitFor()
}

describe('the procedures without a network', () => {
  it('S2.3 after one online visit, without signing in, the procedures open offline (8 sections)', async () => {
    const { context, page } = await newPhone()
    await page.goto('/#/procedures')
    await page.getByTestId('procedure-title').waitFor()
    await expect.poll(() => page.getByTestId('procedure-source').getAttribute('data-source')).toBe('server')
    await waitForServiceWorker(page)

    await context.setOffline(true)
    await page.reload()
    await page.getByTestId('procedure-title').waitFor()
    expect(await page.getByTestId('procedure-title').innerText()).toBe('客服中心突发事件应急处理规范')
    const { kinds, titles } = await sections(page)
    expect(kinds).toEqual(KINDS)
    expect(titles.some((t) => t.includes('断电处理'))).toBe(true)
    expect(await page.getByTestId('procedure-source').getAttribute('data-source')).toBe('device')
  })

  it('S2.3 signed in, the language chosen with the switcher (繁體中文) is the one read offline; another language still has its bundled copy', async () => {
    const { context, page } = await newPhone()
    await signIn(page, 'agent2')
    await waitForServiceWorker(page)

    await page.getByTestId('tab-me').click()
    await page.getByTestId('lang-zh-TW').click()
    await expect.poll(() => page.getByTestId('lang-zh-TW').getAttribute('aria-checked')).toBe('true')
    expect(await page.getByTestId('tab-procedures').innerText()).toContain('應急規範')
    await openProceduresTab(page)
    await expect.poll(() => page.getByTestId('procedure-source').getAttribute('data-source')).toBe('server')

    await context.setOffline(true)
    await page.reload()
    await page.getByTestId('procedure-title').waitFor()
    await expect.poll(() => page.getByTestId('network-indicator').getAttribute('data-online')).toBe('false')
    expect(await page.getByTestId('procedure-title').innerText()).toBe('客服中心突發事件應急處理規範')
    const traditional = await sections(page)
    expect(traditional.kinds).toEqual(KINDS)
    expect(traditional.titles.some((t) => t.includes('斷電處理'))).toBe(true)
    expect(traditional.titles.some((t) => t.includes('断电处理'))).toBe(false)
    expect(await page.getByTestId('procedure-source').getAttribute('data-source')).toBe('device')

    // The section of a kind opens from its address, offline too.
    await page.goto('/#/procedures/power')
    await page.locator('[data-testid="procedure-section"][data-kind="power"] .van-collapse-item__content').waitFor()
    await screenshot(page, 'procedures-zh-TW-phone-offline')

    // English was never opened online on this device: the copy built into the app is shown.
    await page.getByTestId('tab-me').click()
    await page.getByTestId('lang-en').click()
    await openProceduresTab(page)
    await expect.poll(() => page.getByTestId('procedure-title').innerText()).toBe('Customer Service Center: Emergency Incident Handling Specification')
    const english = await sections(page)
    expect(english.kinds).toEqual(KINDS)
    expect(english.titles.some((t) => t.includes('Power outage'))).toBe(true)
    expect(await page.getByTestId('procedure-source').getAttribute('data-source')).toBe('bundled')
  })

  it('S2.3 a device that has only opened the login page also opens the procedures offline', async () => {
    const { context, page } = await newPhone()
    await page.goto('/#/login')
    await waitForServiceWorker(page)
    await context.setOffline(true)
    await page.goto('/#/procedures')
    // A fresh load from the device alone, not only a change of screen in the page already open.
    await page.reload()
    await page.getByTestId('procedure-title').waitFor()
    expect((await sections(page)).kinds).toEqual(KINDS)
  })
})
