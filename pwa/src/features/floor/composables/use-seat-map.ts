import { computed, ref, shallowRef, watch } from 'vue'
import { useJournalEvents } from '@/composables/use-journal-events'
import { isOffline } from '@/api/http'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { newId } from '@/offline/ids'
import { useOutboxStore } from '@/offline/store'
import { floorApi } from '../api'
import { counts, squares, unplaced } from '../grid'
import type { FaultDevice, FloorMap, Proposal, SeatView, SiteSummary } from '../types'

const LIVE_KINDS = ['seat.', 'equipment.fixed', 'report.filed', 'incident.resolved']
export type MoveOutcome = 'moved' | 'queued' | 'refused'

/** The live seat map of one floor, and what a supervisor, manager or maintenance does from it. */
export function useSeatMap() {
  const outbox = useOutboxStore()
  const sites = shallowRef<SiteSummary[]>([])
  const site = ref('')
  const floor = ref('')
  const map = shallowRef<FloorMap | null>(null)
  const fresh = ref(true)
  const error = ref<string | null>(null)
  const selected = ref<string | null>(null)
  const proposal = shallowRef<Proposal | null>(null)

  const grid = computed(() => (map.value ? squares(map.value) : []))
  const loose = computed(() => (map.value ? unplaced(map.value) : []))
  const tally = computed(() => counts(map.value?.seats ?? []))
  const seat = computed<SeatView | null>(() => map.value?.seats.find((s) => s.code === selected.value) ?? null)

  async function loadSites(): Promise<void> {
    const result = await networkFirst(appDb(), 'floor:sites', floorApi.sites)
    sites.value = result.value
    if (!site.value) {
      const first = result.value.find((s) => s.floors.length > 0)
      const firstFloor = first?.floors[0]
      if (first && firstFloor) {
        site.value = first.code
        floor.value = firstFloor.code
      }
    }
  }

  async function load(): Promise<void> {
    error.value = null
    try {
      if (!sites.value.length) await loadSites()
      if (!site.value || !floor.value) return
      const result = await networkFirst(appDb(), `floor:${site.value}/${floor.value}`, () => floorApi.floor(site.value, floor.value))
      map.value = result.value
      fresh.value = result.fresh
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  watch([site, floor], () => void load())

  let pending: ReturnType<typeof setTimeout> | undefined
  useJournalEvents((event) => {
    if (!LIVE_KINDS.some((k) => event.kind.startsWith(k))) return
    clearTimeout(pending)
    pending = setTimeout(() => void load(), 300)
  })

  async function select(code: string | null): Promise<void> {
    selected.value = code
    proposal.value = null
    const occupant = seat.value?.occupant
    if (code && occupant && seat.value?.state === 'broken') {
      try {
        proposal.value = await floorApi.proposal(occupant)
      } catch {
        proposal.value = null
      }
    }
  }

  /** Moves someone to a seat or to other work: at once when online, through the outbox when not. */
  async function move(username: string, target: { seat?: string; work?: string }): Promise<MoveOutcome> {
    const clientId = newId()
    try {
      await floorApi.move({ username, ...target, clientId })
      await load()
      return 'moved'
    } catch (e) {
      if (!isOffline(e)) {
        error.value = e instanceof Error ? e.message : String(e)
        return 'refused'
      }
      await outbox.record('seat.moved', { username, ...target })
      return 'queued'
    }
  }

  async function markFixed(seatCode: string, device: FaultDevice): Promise<void> {
    await outbox.record('equipment.fixed', { seat: seatCode, device })
    setTimeout(() => void load(), 800)
  }

  return { sites, site, floor, map, fresh, error, grid, loose, tally, selected, seat, proposal, load, select, move, markFixed }
}
