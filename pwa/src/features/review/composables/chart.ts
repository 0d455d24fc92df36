/** Plain-SVG chart arithmetic, kept apart from the components so that it is unit-tested. */

export interface Segment {
  key: string
  value: number
}

export interface Column {
  label: string
  segments: Segment[]
}

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least the largest value (and at least 1). */
export function niceMax(max: number): number {
  if (max <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power
  }
  return 10 * power
}

/** The rectangles of stacked columns, bottom up, in a box of the given size (y grows downwards, as in SVG). */
export function stack(columns: Column[], width: number, height: number): { x: number; y: number; w: number; h: number; key: string; column: number }[] {
  const top = niceMax(Math.max(0, ...columns.map((c) => c.segments.reduce((sum, s) => sum + s.value, 0))))
  const slot = columns.length === 0 ? 0 : width / columns.length
  const w = Math.max(1, slot * 0.7)
  const out: { x: number; y: number; w: number; h: number; key: string; column: number }[] = []
  columns.forEach((c, i) => {
    let base = height
    for (const s of c.segments) {
      if (s.value <= 0) continue
      const h = (s.value / top) * height
      base -= h
      out.push({ x: i * slot + (slot - w) / 2, y: base, w, h, key: s.key, column: i })
    }
  })
  return out
}

/** Which column labels to print so that they do not overlap: every n-th, at most `room` of them. */
export function labelEvery(count: number, room: number): number {
  return count <= room ? 1 : Math.ceil(count / room)
}

/** A colour for each key, the same one each time (a small palette that reads on white and in print). */
const PALETTE = ['#1989fa', '#ee0a24', '#ff976a', '#07c160', '#7232dd', '#ffb400', '#00a0a0', '#8a6d3b']

export function colorOf(key: string, keys: readonly string[]): string {
  const i = keys.indexOf(key)
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length] ?? '#1989fa'
}
