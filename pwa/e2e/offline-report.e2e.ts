import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api } from './support/api'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn, waitForServiceWorker, type Locale } from './support/browser'

/** The words a person sees along the way, in each language the flow runs in. */
interface Words {
  locale: Locale
  tag: string
  system: string
  send: string
  offline: string
  oneWaiting: string
  waiting: string
  sent: string
  live: string
  resolved: string
  verified: string
}

const LANGUAGES: Words[] = [
  {
    locale: 'en-US',
    tag: 'en',
    system: 'System failure',
    send: 'Send report',
    offline: 'Offline',
    oneWaiting: '1 waiting',
    waiting: 'Waiting to send',
    sent: 'Sent',
    live: 'Live',
    resolved: 'Resolved',
    verified: 'Chain verified',
  },
  {
    locale: 'zh-CN',
    tag: 'zh-CN',
    system: '系统故障',
    send: '发送上报',
    offline: '离线',
    oneWaiting: '1 条待发送',
    waiting: '等待发送',
    sent: '已送达',
    live: '实时',
    resolved: '已恢复',
    verified: '日志链已验证',
  },
]

const baseUrl = inject('baseUrl')
const admin = new Api(baseUrl, 'admin')
const managerApi = new Api(baseUrl, 'manager')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe.each(LANGUAGES)('the offline report, in $tag', (words) => {
  let agentContext: BrowserContext
  let agent: Page
  let managerContext: BrowserContext
  let manager: Page
  let reportId = ''
  let incidentId = ''

  beforeAll(async () => {
    await admin.resolveAllOpen()
    agentContext = await phoneContext(browser, { baseUrl, locale: words.locale })
    agent = await agentContext.newPage()
    managerContext = await desktopContext(browser, { baseUrl, locale: words.locale })
    manager = await managerContext.newPage()
  })

  afterAll(async () => {
    await agentContext?.close()
    await managerContext?.close()
  })

  it('S2.3 once signed in, the app opens without a network: the service worker serves its shell', async () => {
    await signIn(agent, 'agent3')
    expect(agent.url()).toContain('#/report')
    await waitForServiceWorker(agent)

    await agentContext.setOffline(true)
    await agent.reload()
    await agent.getByTestId('tile-system').waitFor()
    expect(await agent.getByTestId('tile-system').innerText()).toContain(words.system)
    await expect.poll(() => agent.getByTestId('network-indicator').getAttribute('data-online')).toBe('false')
    expect(await agent.getByTestId('network-indicator').innerText()).toContain(words.offline)
  })

  it('S2.1 offline, an agent reports a system failure in two taps and it waits on the device', async () => {
    await agent.getByTestId('tile-system').tap()
    await agent.getByTestId('report-sheet').waitFor()
    await agent.getByTestId('report-note').fill('CRM will not load / CRM 打不开')
    expect(await agent.getByTestId('report-send').innerText()).toContain(words.send)
    await agent.getByTestId('report-send').tap()

    // "My reports" may also list what agent3 reported earlier (pulled from the server): this one waits, at the top.
    const row = agent.locator('[data-testid="my-report"][data-status="waiting"]')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.getAttribute('data-kind')).toBe('system')
    expect(await row.getByTestId('my-report-status').innerText()).toContain(words.waiting)
    reportId = (await row.getAttribute('data-id')) ?? ''
    expect(reportId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await agent.getByTestId('my-report').first().getAttribute('data-id')).toBe(reportId)

    const indicator = agent.getByTestId('network-indicator')
    expect(await indicator.getAttribute('data-online')).toBe('false')
    await expect.poll(() => indicator.getAttribute('data-waiting')).toBe('1')
    expect(await agent.getByTestId('waiting-count').innerText()).toContain(words.oneWaiting)
    await screenshot(agent, `offline-report-${words.tag}-phone-waiting`)
  })

  it('S2.1 a reload while still offline loses nothing: the report is still there, still waiting', async () => {
    await agent.reload()
    const row = agent.locator(`[data-testid="my-report"][data-id="${reportId}"]`)
    await row.waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.getAttribute('data-status')).toBe('waiting')
    expect(await agent.locator('[data-testid="my-report"][data-status="waiting"]').count()).toBe(1)
    await expect.poll(() => agent.getByTestId('network-indicator').getAttribute('data-waiting')).toBe('1')
  })

  it('S2.1 while the agent is offline, the manager’s board does not show the report (the server has not got it)', async () => {
    await signIn(manager, 'manager')
    expect(manager.url()).toContain('#/board')
    await manager.getByTestId('board-live').waitFor()
    expect(await manager.getByTestId('board-live').innerText()).toContain(words.live)
    expect(await manager.locator('[data-testid="board-incident"][data-kind="system"]').count()).toBe(0)

    expect((await managerApi.incidents('open')).filter((i) => i.kind === 'system')).toEqual([])
    expect((await admin.pullAll()).some((e) => e.id === reportId || e.payload?.['report'] === reportId)).toBe(false)
  })

  it('S2.1 back online, the report is sent by itself, stored exactly once, and shows live on the board', async () => {
    await agentContext.setOffline(false)

    const row = agent.locator(`[data-testid="my-report"][data-id="${reportId}"]`)
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000, interval: 500 }).toBe('sent')
    expect(await row.getByTestId('my-report-status').innerText()).toContain(words.sent)
    await expect.poll(() => row.getAttribute('data-incident'), { timeout: 30_000, interval: 500 }).not.toBe('')
    incidentId = (await row.getAttribute('data-incident')) ?? ''
    const indicator = agent.getByTestId('network-indicator')
    await expect.poll(() => indicator.getAttribute('data-online')).toBe('true')
    await expect.poll(() => indicator.getAttribute('data-waiting')).toBe('0')

    // The manager's board was not touched: the incident arrives by itself.
    const cards = manager.locator('[data-testid="board-incident"][data-kind="system"]')
    await expect.poll(() => cards.count(), { timeout: 30_000, interval: 500 }).toBe(1)
    expect(await cards.getAttribute('data-id')).toBe(incidentId)
    expect(await cards.getByTestId('report-count').innerText()).toBe('1')
    expect(await cards.getByTestId('reporter-count').innerText()).toBe('1')

    const journal = await admin.pullAll()
    expect(journal.filter((e) => e.id === reportId)).toHaveLength(1)
    expect(journal.filter((e) => e.kind === 'incident.opened' && e.payload?.['report'] === reportId)).toHaveLength(1)
    const stored = journal.find((e) => e.id === reportId)
    expect(stored?.kind).toBe('report.filed')
    expect(stored?.actor).toBe('agent3')
    expect(stored?.incident).toBe(incidentId)
    const open = (await managerApi.incidents('open')).filter((i) => i.kind === 'system')
    expect(open.map((i) => [i.id, i.reportCount])).toEqual([[incidentId, 1]])
  })

  it('S1.4 the manager acknowledges and resolves it; start and recovery go into a log whose chain verifies', async () => {
    await manager.locator(`[data-testid="board-incident"][data-id="${incidentId}"]`).click()
    await manager.waitForURL(new RegExp(`#/incident/${incidentId}`))
    const header = manager.getByTestId('incident-header')
    await header.waitFor()
    expect(await header.getAttribute('data-state')).toBe('open')
    expect(await manager.getByTestId('report-count').innerText()).toBe('1')
    expect(await manager.getByTestId('incident-report').count()).toBe(1)

    await manager.getByTestId('action-acknowledge').click()
    await expect.poll(() => header.getAttribute('data-state'), { timeout: 30_000, interval: 500 }).toBe('acknowledged')
    await manager.getByTestId('incident-acknowledged').waitFor()

    await manager.getByTestId('action-resolve').click()
    // Prefilled with now, to the second (a browser leaves out ":00").
    await expect.poll(() => manager.getByTestId('resolve-time').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/)
    await manager.getByTestId('resolve-confirm').click()
    await expect.poll(() => header.getAttribute('data-state'), { timeout: 30_000, interval: 500 }).toBe('resolved')
    const resolved = await managerApi.get<{ startedAt: string; recoveredAt: string }>(`/api/incidents/${incidentId}`)
    expect(Date.parse(resolved.recoveredAt)).toBeGreaterThanOrEqual(Date.parse(resolved.startedAt))
    await manager.getByTestId('incident-recovered').waitFor()
    expect(await manager.getByTestId('incident-state').innerText()).toContain(words.resolved)
    expect(await manager.getByTestId('incident-duration').innerText()).not.toBe('')
    expect(await manager.getByTestId('action-resolve').count()).toBe(0)
    await screenshot(manager, `offline-report-${words.tag}-desktop-resolved`)

    await manager.getByTestId('tab-log').click()
    const entries = manager.getByTestId('log-entry')
    // The log holds these four, once each and in this order; notices and escalations about the incident come between them.
    const incidentKinds = ['incident.opened', 'report.filed', 'incident.acknowledged', 'incident.resolved']
    await expect
      .poll(
        async () =>
          (await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type') ?? '')))
            .filter((type) => incidentKinds.includes(type))
            .join(','),
        { timeout: 20_000, interval: 500 },
      )
      .toBe(incidentKinds.join(','))
    const statuses = await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))
    expect(new Set(statuses)).toEqual(new Set(['stored']))
    const seqs = await entries.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))))
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    const verify = manager.getByTestId('log-verify')
    await expect.poll(() => verify.getAttribute('data-valid'), { timeout: 20_000, interval: 500 }).toBe('true')
    expect(await verify.innerText()).toContain(words.verified)
    await screenshot(manager, `offline-report-${words.tag}-desktop-log`)

    const verified = await managerApi.get<{ valid: boolean; entries: number }>(`/api/incidents/${incidentId}/log/verify`)
    // Every entry shown is in the verified chain (a notice delivered since may have joined it).
    expect(verified.valid).toBe(true)
    expect(verified.entries).toBeGreaterThanOrEqual(seqs.length)
    expect(seqs.length).toBeGreaterThanOrEqual(incidentKinds.length)
  })
})
