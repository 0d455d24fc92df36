import type { Point } from '../types'

/** A chart's drawing: polyline points in a width × height box, and the value at its top. */
export interface ChartLines {
  offered: string
  expected: string
  forecast: string
  staffed: string
  required: string
  top: number
  /** x of the boundary between measured and forecast. */
  nowX: number
}

const path = (values: Array<number | undefined>, x: (i: number) => number, y: (v: number) => number): string =>
  values
    .map((v, i) => (v === undefined ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter((p): p is string => p !== null)
    .join(' ')

/**
 * Lays out a queue's measured and forecast intervals as lines: offered (measured), expected (the learned normal,
 * across both), forecast offered, and agents staffed against required. Plain SVG polylines, no chart library.
 */
export function chartLines(recent: Point[], forecast: Point[], width: number, height: number): ChartLines {
  const all = [...recent, ...forecast]
  const top = Math.max(1, ...all.map((p) => Math.max(p.offered, p.expected ?? 0, p.staffed ?? 0, p.required)))
  const n = Math.max(1, all.length - 1)
  const x = (i: number) => (i / n) * width
  const y = (v: number) => height - (v / top) * height
  const measured = all.map((p, i) => (i < recent.length ? p.offered : undefined))
  // the forecast line starts at the last measured interval, so the two join
  const ahead = all.map((p, i) => (i >= recent.length - 1 ? p.offered : undefined))
  return {
    offered: path(measured, x, y),
    expected: path(all.map((p) => p.expected), x, y),
    forecast: path(ahead, x, y),
    staffed: path(all.map((p) => p.staffed), x, y),
    required: path(all.map((p) => p.required), x, y),
    top,
    nowX: x(Math.max(0, recent.length - 1)),
  }
}

/** Staffed minus required now: negative is a gap to close. */
export function gap(point: Point | undefined): number | null {
  if (!point || point.staffed === undefined) return null
  return point.staffed - point.required
}
