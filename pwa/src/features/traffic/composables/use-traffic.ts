import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { ApiError } from '@/api/http'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { trafficApi } from '../api'
import type { DiversionMessage, QueueStatus, Surge } from '../types'

const REFRESH_MS = 20_000

/** The traffic dashboard's data: every queue now and ahead, recent surges, the diversion library; refreshed live. */
export function useTraffic() {
  const session = useSessionStore()
  const statuses = ref<QueueStatus[]>([])
  const surges = ref<Surge[]>([])
  const library = ref<DiversionMessage[]>([])
  const error = ref<string | null>(null)
  const simulator = ref(true)
  const busy = ref(false)
  const mayManage = computed(() => can(session.user, 'resolve'))
  let timer: ReturnType<typeof setInterval> | undefined

  /** The incident of the surge under way, if any: diversion messages are switched on for it. */
  const surgeIncident = computed(() => statuses.value.map((s) => s.surge?.incidentId).find((id) => !!id) ?? null)

  async function load(): Promise<void> {
    try {
      const since = new Date(Date.now() - 24 * 3600_000).toISOString()
      const [s, g, l] = await Promise.all([trafficApi.status(4), trafficApi.surges(since), trafficApi.library()])
      statuses.value = s
      surges.value = g.filter((x) => x.action !== 'replayed').reverse()
      library.value = l
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
  const toggle = (message: DiversionMessage) =>
    act(() =>
      message.incidentId
        ? trafficApi.deactivate(message.id)
        : surgeIncident.value
          ? trafficApi.activate(message.id, surgeIncident.value)
          : Promise.resolve(),
    )

  onMounted(() => {
    void load()
    timer = setInterval(() => void load(), REFRESH_MS)
  })
  onBeforeUnmount(() => clearInterval(timer))

  return { statuses, surges, library, error, simulator, busy, mayManage, surgeIncident, load, simulate, openIncident, toggle }
}
