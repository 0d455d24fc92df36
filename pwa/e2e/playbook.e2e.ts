import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { Api, type StoredEntry } from './support/api'
import { desktopContext, launchBrowser, phoneContext, screenshot, signIn, type Locale } from './support/browser'

const baseUrl = inject('baseUrl')
const admin = new Api(baseUrl, 'admin')
const managerApi = new Api(baseUrl, 'manager')
let browser: Browser
let incidentId = ''

/** The power playbook's call tree (S3.1), in order, as shipped. */
const CALL_TREE = ['contact:facilities', 'contact:property', 'contact:dept-it']
const FIRST_STEP = 'call-relevant-people'

const step = (page: Page, id: string) => page.locator(`[data-testid="playbook-step"][data-step="${id}"]`)
const call = (page: Page, contact: string) => page.locator(`[data-testid="call-row"][data-contact="${contact}"]`)
const logTypes = (page: Page) => page.getByTestId('log-entry').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-type')}:${r.getAttribute('data-status')}`))

beforeAll(async () => {
  await admin.resolveAllOpen()
  browser = await launchBrowser()
  incidentId = (await new Api(baseUrl, 'agent2').report('power', 'A-02', 'lights out on the floor')).incidentId
})

afterAll(async () => {
  await browser?.close()
})

describe('S3.1 a power outage, worked from the manager’s phone', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await phoneContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  it('the bell counts the new incident’s notice; tapping it opens the incident', async () => {
    await signIn(page, 'manager')
    const count = page.getByTestId('inbox-count')
    await expect.poll(async () => Number(await count.getAttribute('data-count')), { timeout: 30_000, interval: 500 }).toBeGreaterThan(0)
    await page.getByTestId('inbox-bell').click()
    await page.waitForURL(/#\/inbox/)
    const item = page.locator(`[data-testid="inbox-item"][data-incident="${incidentId}"]`).first()
    await item.waitFor()
    expect(await item.getAttribute('data-read')).toBe('false')
    await item.click()
    await page.waitForURL(new RegExp(`#/incident/${incidentId}`))
    await page.getByTestId('incident-header').waitFor()
    type Inbox = { notices: { incident?: string; read: boolean }[] }
    await expect
      .poll(async () => (await managerApi.get<Inbox>('/api/notify/inbox')).notices.some((n) => n.incident === incidentId && n.read))
      .toBe(true)
  })

  it('shows the call tree in order, each number a tel: link big enough for a thumb; the first is marked reached', async () => {
    await page.getByTestId('tab-playbook').click()
    await page.getByTestId('call-row').first().waitFor()
    const rows = await page.getByTestId('call-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-contact')))
    expect(rows).toEqual(CALL_TREE)
    for (const contact of CALL_TREE) {
      const tel = call(page, contact).getByTestId('call-tel')
      expect(await tel.getAttribute('href')).toMatch(/^tel:\d{6,}$/)
      const box = await tel.boundingBox()
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(200)
    }
    await screenshot(page, 'playbook-en-phone-calls')

    const first = call(page, CALL_TREE[0] ?? '')
    expect(await first.getAttribute('data-state')).toBe('open')
    await first.getByTestId('call-reached').click()
    await expect.poll(() => first.getAttribute('data-state'), { timeout: 30_000, interval: 300 }).toBe('reached')
    expect(await call(page, CALL_TREE[1] ?? '').getAttribute('data-state')).toBe('open')
  })

  it('lists the steps with clause and role, and the timer to leadership, due in center time', async () => {
    const first = step(page, FIRST_STEP)
    expect(await first.getAttribute('data-state')).toBe('open')
    expect(await first.getByTestId('step-clause').innerText()).toBe('S3.1')
    expect(await first.innerText()).toContain('Center manager')
    const timer = page.locator('[data-testid="timer-row"][data-timer="report-leadership"][data-level="1"]')
    expect(await timer.getAttribute('data-state')).toBe('pending')
    expect(await page.getByTestId('timer-ack').count()).toBe(0)
    const compliance = await page.getByTestId('compliance-row').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-id')}:${e.getAttribute('data-compliance')}`))
    expect(compliance).toContain(`${FIRST_STEP}:pending`)
    expect(compliance).toContain('report-leadership:pending')
    await page.getByTestId('delivery-row').first().waitFor()
  })

  it('marks a step done while offline: it waits on the device, and turns done once back online', async () => {
    await context.setOffline(true)
    await expect.poll(() => page.getByTestId('network-indicator').getAttribute('data-online')).toBe('false')
    const first = step(page, FIRST_STEP)
    await first.getByTestId('step-done').click()
    await expect.poll(() => first.getAttribute('data-state')).toBe('waiting')
    await expect.poll(() => page.getByTestId('network-indicator').getAttribute('data-waiting')).toBe('1')
    expect(await first.getByTestId('step-done').count()).toBe(0)
    await first.scrollIntoViewIfNeeded()
    await screenshot(page, 'playbook-en-phone-waiting')
    expect((await admin.pullAll()).some((e) => e.kind === 'step.done' && e.incident === incidentId)).toBe(false)

    await context.setOffline(false)
    await expect.poll(() => first.getAttribute('data-state'), { timeout: 30_000, interval: 300 }).toBe('done')
    await expect.poll(() => page.getByTestId('network-indicator').getAttribute('data-waiting')).toBe('0')
    await expect
      .poll(async () => (await managerApi.get<{ steps: { id: string; state: string; by?: string }[] }>(`/api/incidents/${incidentId}/playbook`)).steps[0], { timeout: 10_000 })
      .toEqual(expect.objectContaining({ id: FIRST_STEP, state: 'done', by: 'manager' }))
  })

  it('skipping a step asks for a reason, and the reason shows', async () => {
    const skipped = step(page, 'keep-staff-calm')
    await skipped.getByTestId('step-skip').click()
    await page.getByTestId('skip-reason').fill('Floor evacuated, nobody to calm')
    await page.getByTestId('skip-confirm').click()
    await expect.poll(() => skipped.getAttribute('data-state'), { timeout: 30_000, interval: 300 }).toBe('skipped')
    expect(await skipped.getByTestId('step-reason').innerText()).toContain('Floor evacuated')
  })

  it('the management log holds the call and the step, stored, in that order', async () => {
    await page.getByTestId('tab-log').click()
    await expect
      .poll(async () => (await logTypes(page)).filter((t) => /^(call|step)\./.test(t)), { timeout: 20_000, interval: 500 })
      .toEqual(['call.reached:stored', 'step.done:stored', 'step.skipped:stored'])
    const journal: StoredEntry[] = (await admin.pullAll()).filter((e) => e.incident === incidentId)
    expect(journal.filter((e) => e.kind === 'step.done').map((e) => [e.actor, e.payload?.['step']])).toEqual([['manager', FIRST_STEP]])
    expect(journal.filter((e) => e.kind === 'call.reached').map((e) => [e.actor, e.payload?.['contact']])).toEqual([['manager', CALL_TREE[0]]])
  })
})

describe('playbooks and channels, as an admin', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await desktopContext(browser, { baseUrl, locale: 'en-US', serviceWorkers: 'block' })
    page = await context.newPage()
    await signIn(page, 'admin')
  })

  afterAll(async () => {
    await context?.close()
  })

  it('opens a playbook’s YAML from the Me tab', async () => {
    await page.getByTestId('tab-me').click()
    await page.getByTestId('me-playbooks').click()
    await page.locator('[data-testid="playbook-kind"][data-kind="aircon"]').click()
    await page.waitForURL(/#\/admin\/playbooks\/aircon/)
    const editor = page.getByTestId('playbook-editor')
    await expect.poll(() => editor.inputValue()).toContain('kind: aircon')
    expect(await page.getByTestId('playbook-newest').innerText()).toContain('1')
  })

  it('a bad playbook is refused with the line of each problem, and nothing is saved', async () => {
    const editor = page.getByTestId('playbook-editor')
    const original = await editor.inputValue()
    const lines = original.split('\n')
    const roleLine = lines.findIndex((l) => /^\s+role: /.test(l)) + 1
    expect(roleLine).toBeGreaterThan(0)
    lines[roleLine - 1] = (lines[roleLine - 1] ?? '').replace(/role: .*/, 'role: boss')
    await editor.fill(lines.join('\n'))
    await page.getByTestId('playbook-save').click()
    const error = page.getByTestId('playbook-error').first()
    await error.waitFor()
    expect(await error.getAttribute('data-line')).toBe(String(roleLine))
    expect(await error.innerText()).toContain(`Line ${roleLine}`)
    expect(await error.innerText()).toContain('boss')
    await screenshot(page, 'playbook-editor-en-desktop-error')
    expect((await admin.get<{ version: number }[]>('/api/playbooks/aircon/versions')).map((v) => v.version)).toEqual([1])
  })

  it('a good edit saves a new version, listed first', async () => {
    const editor = page.getByTestId('playbook-editor')
    const text = (await editor.inputValue()).replace('role: boss', 'role: manager').replace(/^kind: aircon$/m, '# Reviewed by the admin.\nkind: aircon')
    await editor.fill(text)
    await page.getByTestId('playbook-save').click()
    await page.getByTestId('playbook-saved').waitFor()
    expect(await page.getByTestId('playbook-error').count()).toBe(0)
    await expect.poll(() => page.getByTestId('playbook-newest').innerText()).toContain('2')
    const versions = await page.getByTestId('playbook-version-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-version')))
    expect(versions).toEqual(['2', '1'])
    const saved = await admin.get<{ version: number; createdBy: string }[]>('/api/playbooks/aircon/versions')
    expect(saved[0]).toEqual(expect.objectContaining({ version: 2, createdBy: 'admin' }))
  })

  it('the channels screen shows a form per channel, secrets only as set or not, and a test’s outcome', async () => {
    await page.goto('/#/admin/channels')
    const forms = page.getByTestId('channel-form')
    await expect.poll(() => forms.count()).toBe(9)
    const webhook = page.locator('[data-testid="channel-form"][data-channel="webhook"]')
    expect(await webhook.getAttribute('data-enabled')).toBe('false')
    expect(await webhook.getByTestId('secret-state').count()).toBe(0)
    await webhook.getByTestId('channel-enabled').click()
    expect(await webhook.getByTestId('secret-state').innerText()).toBe('Not set')
    // Enabled without a URL: the server names the field, shown next to it, and nothing is saved.
    await webhook.getByTestId('channel-save').click()
    await webhook.getByTestId('channel-error').first().waitFor()
    expect(await webhook.locator('[data-field="url"] [data-testid="channel-error"]').count()).toBe(1)
    expect((await admin.get<{ channel: string; enabled: boolean }[]>('/api/notify/channels')).find((c) => c.channel === 'webhook')?.enabled).toBe(false)
    await screenshot(page, 'channels-en-desktop-error')
    await webhook.getByTestId('channel-test').click()
    const outcome = webhook.getByTestId('channel-test-outcome')
    await outcome.waitFor()
    expect(['true', 'false']).toContain(await outcome.getAttribute('data-ok'))
  })
})

const SHOTS: { locale: Locale; tag: string; size: 'phone' | 'desktop' }[] = [
  { locale: 'zh-CN', tag: 'zh-CN', size: 'phone' },
  { locale: 'zh-CN', tag: 'zh-CN', size: 'desktop' },
  { locale: 'en-US', tag: 'en', size: 'phone' },
  { locale: 'en-US', tag: 'en', size: 'desktop' },
]

describe.each(SHOTS)('new screens, $tag on a $size', ({ locale, tag, size }) => {
  beforeAll(async () => {
    // An unread notice for the bell's badge.
    await admin.post('/api/sync/push', {
      device: 'e2e',
      entries: [
        {
          id: randomUUID(),
          kind: 'notice.requested',
          incident: incidentId,
          actor: 'admin',
          recordedAt: new Date().toISOString(),
          payload: { audience: ['user:manager'], message: { 'zh-CN': '请到 3 楼配电间与物业会合。', en: 'Meet property management at the 3rd floor switch room.' } },
        },
      ],
    })
  })

  it('the playbook tab, the inbox, the playbook editor and the channels', async () => {
    const make = size === 'phone' ? phoneContext : desktopContext
    const context = await make(browser, { baseUrl, locale, serviceWorkers: 'block' })
    try {
      const page = await context.newPage()
      await signIn(page, 'manager')
      await page.goto(`/#/incident/${incidentId}`)
      await page.getByTestId('tab-playbook').click()
      await page.getByTestId('playbook-step').first().waitFor()
      await expect.poll(async () => Number(await page.getByTestId('inbox-count').getAttribute('data-count')), { timeout: 30_000 }).toBeGreaterThan(0)
      await screenshot(page, `playbook-${tag}-${size}`)
      await page.getByTestId('playbook-step').last().scrollIntoViewIfNeeded()
      await screenshot(page, `playbook-${tag}-${size}-steps`)
      await page.getByTestId('compliance-row').last().scrollIntoViewIfNeeded()
      await screenshot(page, `playbook-${tag}-${size}-timers`)
      await page.getByTestId('inbox-bell').click()
      await page.getByTestId('inbox-item').first().waitFor()
      await screenshot(page, `inbox-${tag}-${size}`)

      const adminPage = await context.newPage()
      await signIn(adminPage, 'admin')
      await adminPage.goto('/#/admin/playbooks/power')
      await expect.poll(() => adminPage.getByTestId('playbook-editor').inputValue()).toContain('kind: power')
      await screenshot(adminPage, `playbook-editor-${tag}-${size}`)
      await adminPage.goto('/#/admin/channels')
      await adminPage.getByTestId('channel-form').first().waitFor()
      await screenshot(adminPage, `channels-${tag}-${size}`)
      await adminPage.goto('/#/me')
      await adminPage.getByTestId('me-playbooks').waitFor()
      await screenshot(adminPage, `me-admin-${tag}-${size}`)
    } finally {
      await context.close()
    }
  })
})
