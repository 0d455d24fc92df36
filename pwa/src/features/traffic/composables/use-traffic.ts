import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { ApiError } from '@/api/http'
import { useJournalEvents } from '@/composables/use-journal-events'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { trafficApi } from '../api'
import { switchEntry, switchView, type SwitchView } from '../diversion'
import type { DiversionMessage, QueueStatus, Surge } from '../types'

const REFRESH_MS = 20_000
const LIVE_KINDS = ['diversion.', 'traffic.staff.', 'incident.']

/**
 * The traffic dashboard's data: every queue now and ahead, recent surges, the diversion library; refreshed live, and
 * the last copy shown when the network cannot answer. Diversion switches are entries in the outbox (S7.2), so a
 * manager switches a message on during an outage and it goes live when the device is back online.
 */
export function useTraffic() {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const db = appDb()
  const statuses = ref<QueueStatus[]>([])
  const surges = ref<Surge[]>([])
  const library = ref<DiversionMessage[]>([])
  /** When the library shown was read from the server (its cached copy keeps the time it was read). */
  const libraryAt = ref(new Date(0).toISOString())
  const error = ref<string | null>(null)
  /** The time of the last copy shown while the server cannot be reached; null when the figures are fresh. */
  const staleSince = ref<string | null>(null)
  const simulator = ref(true)
  const busy = ref(false)
  const mayManage = computed(() => can(session.user, 'resolve'))
  const mayDivert = computed(() => can(session.user, 'divert'))
  let timer: ReturnType<typeof setInterval> | undefined

  /** The incident of the surge under way, if any: diversion messages are switched on and staff moved for it. */
  const surgeIncident = computed(() => statuses.value.map((s) => s.surge?.incidentId).find((id) => !!id) ?? null)

  async function load(): Promise<void> {
    try {
      const since = new Date(Date.now() - 24 * 3600_000).toISOString()
      const [s, g, l] = await Promise.all([
        networkFirst(db, 'traffic:status', () => trafficApi.status(4)),
        networkFirst(db, 'traffic:surges', () => trafficApi.surges(since)),
        networkFirst(db, 'traffic:library', trafficApi.library),
      ])
      statuses.value = s.value
      surges.value = g.value.filter((x) => x.action !== 'replayed').reverse()
      library.value = l.value
      libraryAt.value = l.savedAt
      staleSince.value = s.fresh ? null : s.savedAt
      error.value = null
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  async function act(work: () => Promise<unknown>): Promise<void> {
    busy.value = true
    try {
      await work()
      await load()
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) simulator.value = false
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      busy.value = false
    }
  }

  const simulate = (queue: string | null) => act(() => trafficApi.simulateSurge(queue, 3, 45))
  const openIncident = (surge: Surge) => act(() => trafficApi.openIncident(surge.id))

  const switches = computed(() => {
    const views = new Map<string, SwitchView>()
    for (const m of library.value) views.set(m.id, switchView(m, outbox.rows, libraryAt.value))
    return views
  })

  /** Flips a message's switch: an entry in the outbox, sent at once when online, kept until then when not. */
  async function toggle(message: DiversionMessage): Promise<void> {
    if (!mayDivert.value) return
    const entry = switchEntry(message, switches.value.get(message.id)?.on ?? !!message.incidentId, surgeIncident.value)
    if (entry) await outbox.record(entry.kind, entry.payload, entry.incident)
  }

  // once the server has answered for a switch, the library says what is live
  const waitingSwitches = computed(() => outbox.waiting.filter((r) => r.kind.startsWith('diversion.')).length)
  watch(waitingSwitches, (now, before) => {
    if (now < before) void load()
  })

  let soon: ReturnType<typeof setTimeout> | undefined
  useJournalEvents((event) => {
    if (!LIVE_KINDS.some((k) => event.kind.startsWith(k))) return
    clearTimeout(soon)
    soon = setTimeout(() => void load(), 300)
  })

  onMounted(() => {
    void load()
    timer = setInterval(() => void load(), REFRESH_MS)
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    clearTimeout(soon)
  })

  return {
    statuses, surges, library, error, staleSince, simulator, busy, mayManage, mayDivert, surgeIncident, switches,
    load, simulate, openIncident, toggle,
  }
}
