import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env['STORMDESK_CHROMIUM'] ?? '/usr/bin/chromium'

export const SHOTS_DIR = fileURLToPath(new URL('../shots/', import.meta.url))

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export type Locale = 'zh-CN' | 'en-US' | 'zh-TW'

export interface ContextOptions {
  baseUrl: string
  locale?: Locale
  /** 'block' where a spec does not need the app offline: it spares the precaching. */
  serviceWorkers?: 'allow' | 'block'
}

/** A phone (390×844, touch) that lets the app install its service worker. */
export function phoneContext(browser: Browser, { baseUrl, locale = 'zh-CN', serviceWorkers = 'allow' }: ContextOptions): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    serviceWorkers,
  })
}

/** A desktop browser on the floor (1366×900). */
export function desktopContext(browser: Browser, { baseUrl, locale = 'zh-CN', serviceWorkers = 'allow' }: ContextOptions): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    serviceWorkers,
  })
}

export const DEMO_PASSWORD = 'demo'

/** Signs in through the login form and waits for the person's home screen (report for agents, board for the rest). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/#/login')
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(/#\/(report|board)/)
}

/** Waits until the service worker is active and controls the page (reloading once if it does not yet). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null)
  if (!controlled) await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
}

/** What a person sees on the screen (the viewport: fixed bars stay where they are), into e2e/shots/. */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true })
  const path = `${SHOTS_DIR}${name}.png`
  await page.screenshot({ path, fullPage, animations: 'disabled' })
  return path
}
