import { describe, expect, it } from 'vitest'
import { chartLines, gap } from '../composables/chart'
import type { Point } from '../types'

const point = (offered: number, extra: Partial<Point> = {}): Point => ({ at: '2026-11-29T08:00:00Z', offered, required: 2, ...extra })

describe('traffic chart', () => {
  it('draws measured offered up to now and the forecast from the last measured interval on', () => {
    const lines = chartLines([point(10, { expected: 10, staffed: 3 }), point(30, { expected: 10, staffed: 3 })],
      [point(20, { expected: 10 })], 200, 100)
    expect(lines.top).toBe(30)
    expect(lines.offered).toBe('0.0,66.7 100.0,0.0')
    expect(lines.forecast).toBe('100.0,0.0 200.0,33.3')
    expect(lines.expected.split(' ')).toHaveLength(3)
    expect(lines.staffed.split(' ')).toHaveLength(2)
    expect(lines.nowX).toBe(100)
  })

  it('reports the gap between staffed and required', () => {
    expect(gap(point(10, { staffed: 3, required: 5 }))).toBe(-2)
    expect(gap(point(10))).toBeNull()
    expect(gap(undefined)).toBeNull()
  })
})
