import { describe, expect, it } from 'vitest'
import { formatClock, fromCenterInput, minutesBetween, prefillCenterInput, readCenterInput, toCenterInput } from '../use-format'

describe('times in the center', () => {
  it('shows instants in Asia/Shanghai whatever the device zone', () => {
    expect(formatClock('2026-11-29T08:15:00Z', 'en')).toBe('16:15')
    expect(toCenterInput(new Date('2026-11-29T20:05:00Z'))).toBe('2026-11-30T04:05:00')
  })

  it('fills a time field to the second', () => {
    expect(toCenterInput(new Date('2026-11-29T20:05:42.731Z'))).toBe('2026-11-30T04:05:42')
  })

  it('reads a datetime-local value as center wall time, with or without seconds', () => {
    expect(fromCenterInput('2026-11-30T04:05')?.toISOString()).toBe('2026-11-29T20:05:00.000Z')
    expect(fromCenterInput('2026-11-30T04:05:42')?.toISOString()).toBe('2026-11-29T20:05:42.000Z')
    expect(fromCenterInput('2026-11-30T04:05:42.5')?.toISOString()).toBe('2026-11-29T20:05:42.500Z')
    expect(fromCenterInput('not a time')).toBeNull()
  })

  it('gives back the exact instant a field was filled with while the person leaves it unchanged', () => {
    const now = new Date('2026-11-29T20:05:42.731Z')
    const prefill = prefillCenterInput(now)
    expect(prefill.value).toBe('2026-11-30T04:05:42')
    expect(readCenterInput(prefill.value, prefill)).toBe(now)
    expect(readCenterInput(prefill.value, prefill)?.toISOString()).toBe('2026-11-29T20:05:42.731Z')
  })

  it('gives back what the person picked once the field changed, never earlier', () => {
    const prefill = prefillCenterInput(new Date('2026-11-29T20:05:42.731Z'))
    expect(readCenterInput('2026-11-30T04:10', prefill)?.toISOString()).toBe('2026-11-29T20:10:00.000Z')
    expect(readCenterInput('2026-11-30T04:10:07', prefill)?.toISOString()).toBe('2026-11-29T20:10:07.000Z')
    expect(readCenterInput('2026-11-30T04:10:07', null)?.toISOString()).toBe('2026-11-29T20:10:07.000Z')
  })

  it('counts whole minutes, never negative', () => {
    expect(minutesBetween('2026-11-29T08:00:00Z', new Date('2026-11-29T08:12:59Z'))).toBe(12)
    expect(minutesBetween('2026-11-29T08:00:00Z', new Date('2026-11-29T07:00:00Z'))).toBe(0)
  })
})
