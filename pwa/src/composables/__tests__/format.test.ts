import { describe, expect, it } from 'vitest'
import { formatClock, fromCenterInput, minutesBetween, toCenterInput } from '../use-format'

describe('times in the center', () => {
  it('shows instants in Asia/Shanghai whatever the device zone', () => {
    expect(formatClock('2026-11-29T08:15:00Z', 'en')).toBe('16:15')
    expect(toCenterInput(new Date('2026-11-29T20:05:00Z'))).toBe('2026-11-30T04:05')
  })

  it('reads a datetime-local value as center wall time', () => {
    expect(fromCenterInput('2026-11-30T04:05')?.toISOString()).toBe('2026-11-29T20:05:00.000Z')
    expect(fromCenterInput('not a time')).toBeNull()
  })

  it('counts whole minutes, never negative', () => {
    expect(minutesBetween('2026-11-29T08:00:00Z', new Date('2026-11-29T08:12:59Z'))).toBe(12)
    expect(minutesBetween('2026-11-29T08:00:00Z', new Date('2026-11-29T07:00:00Z'))).toBe(0)
  })
})
