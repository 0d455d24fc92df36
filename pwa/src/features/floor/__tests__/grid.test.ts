import { describe, expect, it } from 'vitest'
import { counts, nextCode, squares, unplaced } from '../grid'
import type { SeatView } from '../types'

function seat(code: string, row: number | null, col: number | null, state: SeatView['state'] = 'free'): SeatView {
  return { code, zone: 'A', row, col, state, equipment: [] }
}

describe('the seat map grid', () => {
  it('puts each seat on its square and leaves the aisle empty', () => {
    const grid = squares({ rows: 2, cols: 3, seats: [seat('A-01', 0, 0), seat('A-02', 1, 2, 'broken')] })
    expect(grid).toHaveLength(2)
    expect(grid[0]?.map((s) => s.seat?.code ?? null)).toEqual(['A-01', null, null])
    expect(grid[1]?.map((s) => s.seat?.code ?? null)).toEqual([null, null, 'A-02'])
  })

  it('lists seats not yet drawn apart and counts free, taken and broken', () => {
    const seats = [seat('A-01', 0, 0), seat('X', null, null, 'taken'), seat('A-02', 0, 1, 'broken')]
    expect(unplaced({ seats }).map((s) => s.code)).toEqual(['X'])
    expect(counts(seats)).toEqual({ free: 1, taken: 1, broken: 1 })
  })

  it('names a new seat with the next free number of its zone', () => {
    expect(nextCode('B', ['B-01', 'B-02', 'A-03'])).toBe('B-03')
    expect(nextCode('', [])).toBe('S-01')
  })
})
