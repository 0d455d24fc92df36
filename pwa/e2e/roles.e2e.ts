import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { desktopContext, launchBrowser, phoneContext, signIn } from './support/browser'

const baseUrl = inject('baseUrl')
const admin = new Api(baseUrl, 'admin')
let browser: Browser
let incidentId = ''
const contexts: BrowserContext[] = []

async function incidentPageAs(username: string, size: 'phone' | 'desktop' = 'phone'): Promise<Page> {
  const make = size === 'phone' ? phoneContext : desktopContext
  const context = await make(browser, { baseUrl, serviceWorkers: 'block' })
  contexts.push(context)
  const page = await context.newPage()
  await signIn(page, username)
  await page.goto(`/#/incident/${incidentId}`)
  await page.getByTestId('incident-header').waitFor()
  return page
}

beforeAll(async () => {
  await admin.resolveAllOpen()
  browser = await launchBrowser()
  incidentId = (await new Api(baseUrl, 'agent5').report('aircon', 'A-05', 'it is 31 °C')).incidentId
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

describe('who may do what on an incident', () => {
  it('an agent who reported it sees it and may add a note, but can neither acknowledge nor resolve it', async () => {
    const page = await incidentPageAs('agent5')
    expect(await page.getByTestId('incident-header').getAttribute('data-state')).toBe('open')
    await page.getByTestId('action-note').waitFor()
    expect(await page.getByTestId('action-resolve').count()).toBe(0)
    expect(await page.getByTestId('action-acknowledge').count()).toBe(0)
  })

  it('an agent who did not report it has no actions at all, and the server refuses a resolution from an agent', async () => {
    const page = await incidentPageAs('agent6')
    expect(await page.getByTestId('report-count').innerText()).toBe('1')
    expect(await page.getByTestId('action-resolve').count()).toBe(0)
    expect(await page.getByTestId('action-acknowledge').count()).toBe(0)
    expect(await page.getByTestId('action-note').count()).toBe(0)
    const refused = await new Api(baseUrl, 'agent6').call('POST', `/api/incidents/${incidentId}/resolve`, { clientId: randomUUID() })
    expect(refused.status).toBe(403)
  })

  it('a supervisor (team lead) acknowledges it but cannot resolve it', async () => {
    const page = await incidentPageAs('lead1', 'desktop')
    expect(await page.getByTestId('action-resolve').count()).toBe(0)
    await page.getByTestId('action-acknowledge').click()
    const header = page.getByTestId('incident-header')
    await expect.poll(() => header.getAttribute('data-state'), { timeout: 30_000, interval: 500 }).toBe('acknowledged')
    expect(await page.getByTestId('incident-acknowledged').innerText()).toContain('lead1')
    expect(await page.getByTestId('action-acknowledge').count()).toBe(0)
    expect(await page.getByTestId('action-resolve').count()).toBe(0)
    await page.getByTestId('action-note').waitFor()

    const refused = await new Api(baseUrl, 'lead1').call('POST', `/api/incidents/${incidentId}/resolve`, { clientId: randomUUID() })
    expect(refused.status).toBe(403)
    expect((await admin.get<{ state: string }>(`/api/incidents/${incidentId}`)).state).toBe('acknowledged')
  })
})
