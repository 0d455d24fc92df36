import type { Point } from '../types'

export interface ChartPaths {
  current: string
  expected: string
  max: number
}

/**
 * The two lines of a rise chart (the level now and the normal level for that time of day) as SVG polyline points in
 * a `width` × `height` box, on one scale whose top is the highest value shown.
 */
export function chartPaths(points: readonly Point[], width: number, height: number): ChartPaths {
  const max = Math.max(1, ...points.map((p) => Math.max(p.current, p.expected)))
  const step = points.length > 1 ? width / (points.length - 1) : 0
  const line = (value: (p: Point) => number): string =>
    points.map((p, i) => `${(i * step).toFixed(1)},${(height - (value(p) / max) * height).toFixed(1)}`).join(' ')
  return { current: line((p) => p.current), expected: line((p) => p.expected), max }
}

/** How far above normal, as people read it ("×4.2"). */
export function ratioText(ratio: number): string {
  return `×${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}`
}
