import { computed, ref } from 'vue'
import { ApiError } from '@/api/http'
import { floorApi } from '../api'
import { nextCode } from '../grid'
import type { DeviceKind, FloorPlan, PlannedSeat } from '../types'

export type SaveState = 'idle' | 'saving' | 'saved' | 'refused'

/** The admin's floor editor: the grid's size, and a seat on each square they tap, with its equipment. */
export function useFloorEditor() {
  const site = ref('hq')
  const floor = ref('3F')
  const name = ref('')
  const rows = ref(4)
  const cols = ref(8)
  const seats = ref<PlannedSeat[]>([])
  const zone = ref('A')
  const defaults = ref<DeviceKind[]>(['pc', 'headset', 'phone'])
  const selected = ref<string | null>(null)
  const state = ref<SaveState>('idle')
  const errors = ref<{ field: string; message: string }[]>([])

  const current = computed(() => seats.value.find((s) => s.code === selected.value) ?? null)

  function at(row: number, col: number): PlannedSeat | undefined {
    return seats.value.find((s) => s.row === row && s.col === col)
  }

  /** An empty square gets a new seat; a seat is selected for editing. */
  function tap(row: number, col: number): void {
    const there = at(row, col)
    if (there) {
      selected.value = there.code
      return
    }
    const code = nextCode(zone.value, seats.value.map((s) => s.code))
    seats.value = [...seats.value, { code, zone: zone.value.trim(), row, col, equipment: defaults.value.map((kind) => ({ kind })) }]
    selected.value = code
    state.value = 'idle'
  }

  function remove(code: string): void {
    seats.value = seats.value.filter((s) => s.code !== code)
    if (selected.value === code) selected.value = null
  }

  function toggle(seat: PlannedSeat, kind: DeviceKind): void {
    seat.equipment = seat.equipment.some((d) => d.kind === kind)
      ? seat.equipment.filter((d) => d.kind !== kind)
      : [...seat.equipment, { kind }]
    seats.value = [...seats.value]
  }

  async function load(): Promise<void> {
    errors.value = []
    try {
      const map = await floorApi.floor(site.value, floor.value)
      name.value = map.floorName
      rows.value = map.rows
      cols.value = map.cols
      seats.value = map.seats
        .filter((s) => s.row != null && s.col != null)
        .map((s) => ({
          code: s.code,
          zone: s.zone,
          row: s.row ?? 0,
          col: s.col ?? 0,
          equipment: s.equipment
            .filter((d) => d.kind !== 'seat')
            .map((d) => ({ kind: d.kind as DeviceKind, ...(d.label ? { label: d.label } : {}) })),
        }))
      selected.value = null
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e
      seats.value = []
    }
  }

  async function save(): Promise<boolean> {
    state.value = 'saving'
    errors.value = []
    const plan: FloorPlan = {
      name: name.value.trim() || floor.value,
      rows: rows.value,
      cols: cols.value,
      seats: seats.value,
    }
    try {
      await floorApi.saveFloor(site.value.trim(), floor.value.trim(), plan)
      state.value = 'saved'
      return true
    } catch (e) {
      state.value = 'refused'
      if (e instanceof ApiError && e.problem?.errors?.length) errors.value = e.problem.errors
      else errors.value = [{ field: '', message: e instanceof Error ? e.message : String(e) }]
      return false
    }
  }

  return { site, floor, name, rows, cols, seats, zone, defaults, selected, current, state, errors, at, tap, remove, toggle, load, save }
}
