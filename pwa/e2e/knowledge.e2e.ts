import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn, waitForServiceWorker } from './support/browser'

const baseUrl = inject('baseUrl')
const marker = randomUUID().slice(0, 8)
let browser: Browser
let phone: BrowserContext
let desk: BrowserContext
let agent: Page
let manager: Page

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await phoneContext(browser, { baseUrl, locale: 'zh-CN' })
  desk = await desktopContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
  agent = await phone.newPage()
  manager = await desk.newPage()
})

afterAll(async () => {
  await browser?.close()
})

async function searchFor(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('knowledge-search').locator('input')
  await box.fill(text)
}

describe('S2.3 agents answer from the product documentation, readable while the systems are down', () => {
  it('a manager writes an article; what it holds is rendered safely', async () => {
    await signIn(manager, 'manager')
    await manager.goto('/#/knowledge/new')
    await manager.getByTestId('knowledge-product-input').locator('input').fill('broadband')
    await manager.getByTestId('knowledge-tags-input').locator('input').fill('modem, 光猫')
    await manager.getByTestId('knowledge-title-input').locator('input').fill(`光猫指示灯说明 ${marker}`)
    await manager
      .getByTestId('knowledge-body-input')
      .locator('textarea')
      .fill(`## 指示灯\n- PON 常亮：正常\n\n<img src=x onerror="window.__pwned=1">\n\n[click](javascript:window.__pwned=2)`)
    await manager.getByTestId('knowledge-save').click()
    await manager.waitForURL(/#\/knowledge\/[0-9a-f-]{36}$/)
    const body = manager.getByTestId('knowledge-body')
    await body.locator('h2').waitFor()
    expect(await body.locator('img').count()).toBe(0)
    expect(await body.locator('script').count()).toBe(0)
    expect(await body.locator('a[href^="javascript"]').count()).toBe(0)
    expect(await body.locator('a').getAttribute('href')).toBe('#')
    expect(await manager.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await manager.getByTestId('knowledge-updated').innerText()).toContain('manager')
  })

  it('an agent’s phone keeps the whole knowledge base and searches it offline, in Chinese without spaces', async () => {
    await signIn(agent, 'agent1')
    await waitForServiceWorker(agent)
    await agent.getByTestId('tab-me').click()
    await agent.getByTestId('me-knowledge').click()
    await expect.poll(() => agent.getByTestId('knowledge-source').getAttribute('data-source'), { timeout: 30_000 }).toBe('server')
    expect(await agent.getByTestId('knowledge-hit').count()).toBeGreaterThanOrEqual(7)

    await phone.setOffline(true)
    await agent.reload()
    await expect.poll(() => agent.getByTestId('knowledge-source').getAttribute('data-source'), { timeout: 30_000 }).toBe('device')
    await expect.poll(() => agent.getByTestId('network-indicator').getAttribute('data-online')).toBe('false')

    await searchFor(agent, '手工登记')
    await expect.poll(async () => (await agent.getByTestId('knowledge-hit').first().innerText()).split('\n')[0]).toBe('系统故障时如何手工登记客户')
    await searchFor(agent, marker)
    await expect.poll(() => agent.getByTestId('knowledge-hit').count()).toBe(1)
    await searchFor(agent, '标准应答')
    await screenshot(agent, 'knowledge-search-offline')
    await agent.getByTestId('knowledge-hit').first().click()
    await agent.getByTestId('knowledge-title').waitFor()
    expect(await agent.getByTestId('knowledge-title').innerText()).toBe('系统故障期间的标准应答话术')
    const body = agent.getByTestId('knowledge-body')
    expect(await body.locator('blockquote').first().innerText()).toContain('系统目前正在紧急维护')
    await screenshot(agent, 'knowledge-article-offline')

    // a fresh load of the article's address, from the device alone
    await agent.reload()
    await agent.getByTestId('knowledge-title').waitFor({ timeout: 30_000 })
    expect(await agent.getByTestId('knowledge-title').innerText()).toBe('系统故障期间的标准应答话术')
    await phone.setOffline(false)
  })

  it('an agent cannot open the editor', async () => {
    await agent.goto('/#/knowledge/new')
    await agent.waitForURL(/#\/report/)
  })
})
