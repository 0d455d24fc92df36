import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Kind } from './api'

export interface ReportInput {
  seat?: string
  note?: string
}

interface MyReportRow {
  id: string
  recordedAt: number
}

function myReportRows(page: Page): Promise<MyReportRow[]> {
  return page
    .getByTestId('my-report')
    .evaluateAll((rows) => rows.map((row) => ({ id: row.getAttribute('data-id') ?? '', recordedAt: Date.parse(row.getAttribute('data-recorded-at') ?? '') })))
}

/**
 * Files a report from the report screen: the kind's tile, then "send" (seat and note when given).
 * Returns the new row, at the top (newest first). The list may also grow by the person's earlier
 * reports that the sync loop pulls meanwhile: those were recorded before, and are never the new row.
 */
export async function reportViaUi(page: Page, kind: Kind, { seat, note }: ReportInput = {}): Promise<Locator> {
  const before = new Set((await myReportRows(page)).map((row) => row.id))
  await page.getByTestId(`tile-${kind}`).click()
  await page.getByTestId('report-sheet').waitFor()
  if (seat !== undefined) await page.getByTestId('report-seat').selectOption(seat)
  if (note !== undefined) await page.getByTestId('report-note').fill(note)
  const sentAt = await page.evaluate(() => Date.now())
  await page.getByTestId('report-send').click()
  const isNew = (row: MyReportRow) => !before.has(row.id) && row.recordedAt >= sentAt
  await expect.poll(async () => (await myReportRows(page)).filter(isNew).length).toBe(1)
  const rows = await myReportRows(page)
  const id = rows.find(isNew)?.id ?? ''
  expect(rows[0]?.id).toBe(id)
  const row = page.locator(`[data-testid="my-report"][data-id="${id}"]`)
  expect(await row.getAttribute('data-kind')).toBe(kind)
  await page.getByTestId('report-sheet').waitFor({ state: 'hidden' })
  return row
}

/** Waits until the row's report has been stored and linked to its incident; returns the incident id. */
export async function waitUntilSent(row: Locator, timeout = 30_000): Promise<string> {
  await expect.poll(() => row.getAttribute('data-status'), { timeout, interval: 300 }).toBe('sent')
  await expect.poll(() => row.getAttribute('data-incident'), { timeout, interval: 300 }).toMatch(/^[0-9a-f-]{36}$/)
  return (await row.getAttribute('data-incident')) ?? ''
}

export function boardCards(page: Page, kind?: Kind): Locator {
  return page.locator(kind ? `[data-testid="board-incident"][data-kind="${kind}"]` : '[data-testid="board-incident"]')
}
