import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Kind } from './api'

export interface ReportInput {
  seat?: string
  note?: string
}

/** Files a report from the report screen: the kind's tile, then "send" (seat and note when given). */
export async function reportViaUi(page: Page, kind: Kind, { seat, note }: ReportInput = {}): Promise<Locator> {
  const before = await page.getByTestId('my-report').count()
  await page.getByTestId(`tile-${kind}`).click()
  await page.getByTestId('report-sheet').waitFor()
  if (seat !== undefined) await page.getByTestId('report-seat').selectOption(seat)
  if (note !== undefined) await page.getByTestId('report-note').fill(note)
  await page.getByTestId('report-send').click()
  await expect.poll(() => page.getByTestId('my-report').count()).toBe(before + 1)
  await page.getByTestId('report-sheet').waitFor({ state: 'hidden' })
  // Newest first.
  return page.getByTestId('my-report').first()
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
