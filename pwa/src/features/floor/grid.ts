import type { FloorMap, SeatState, SeatView } from './types'

/** One square of a floor's grid: a seat, or the aisle. */
export interface Square {
  row: number
  col: number
  seat: SeatView | null
}

/** The floor as rows of squares, seats on theirs; seats not yet drawn are left out (listed apart). */
export function squares(map: Pick<FloorMap, 'rows' | 'cols' | 'seats'>): Square[][] {
  const at = new Map<string, SeatView>()
  for (const seat of map.seats) {
    if (seat.row != null && seat.col != null) at.set(`${seat.row}:${seat.col}`, seat)
  }
  const rows: Square[][] = []
  for (let row = 0; row < map.rows; row++) {
    const line: Square[] = []
    for (let col = 0; col < map.cols; col++) line.push({ row, col, seat: at.get(`${row}:${col}`) ?? null })
    rows.push(line)
  }
  return rows
}

export function unplaced(map: Pick<FloorMap, 'seats'>): SeatView[] {
  return map.seats.filter((s) => s.row == null || s.col == null)
}

/** How many seats are free, taken and broken. */
export function counts(seats: readonly SeatView[]): Record<SeatState, number> {
  const out: Record<SeatState, number> = { free: 0, taken: 0, broken: 0 }
  for (const s of seats) out[s.state]++
  return out
}

/** The next free seat code in a zone, … */
export function nextCode(zone: string, taken: readonly string[]): string {
  const prefix = zone.trim() || 'S'
  for (let n = 1; n < 1000; n++) {
    const code = `${prefix}-${String(n).padStart(2, '0')}`
    if (!taken.includes(code)) return code
  }
  return `${prefix}-${Date.now()}`
}
