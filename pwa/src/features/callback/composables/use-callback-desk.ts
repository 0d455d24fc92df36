import { computed, ref, shallowRef } from 'vue'
import { ApiError, http } from '@/api/http'
import { incidentApi } from '@/features/incident/api'
import type { Incident } from '@/features/incident/types'
import { useOutboxStore } from '@/offline/store'
import { callbackApi } from '../api'
import type { CallbackCounts, CallbackTask } from '../types'

interface RosterShift {
  username: string
  displayName: string
  position: string
}

/** The positions whose people make calls (the server assigns callbacks among the same). */
const CALLERS = new Set(['inbound', 'outbound', 'chat', 'support'])

/**
 * The manager's callbacks (S2.6): every task of an incident (or of all) with the figures (open, overdue, reached,
 * failed, unassigned), and reassigning a task to someone on shift (a `callback.reassigned` entry in the outbox).
 */
export function useCallbackDesk() {
  const outbox = useOutboxStore()
  const incidents = shallowRef<Incident[]>([])
  const incident = ref<string>('')
  const tasks = shallowRef<CallbackTask[]>([])
  const counts = shallowRef<CallbackCounts | null>(null)
  const callers = shallowRef<RosterShift[]>([])
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    try {
      const chosen = incident.value || undefined
      const [list, figures, open] = await Promise.all([callbackApi.all(chosen), callbackApi.counts(chosen), incidentApi.open()])
      tasks.value = list
      counts.value = figures
      incidents.value = open
      error.value = null
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
    }
    try {
      const shifts = await http.get<RosterShift[]>('/api/roster')
      callers.value = shifts.filter((s) => CALLERS.has(s.position))
    } catch {
      // the list of people to give a task to waits for the network
    }
  }

  async function reassign(task: CallbackTask, to: string): Promise<void> {
    if (!to || to === task.owner) return
    await outbox.record('callback.reassigned', { taskId: task.id, to }, task.incident)
  }

  const pending = computed(() => new Set(outbox.waiting.filter((r) => r.kind === 'callback.reassigned').map((r) => r.payload.taskId)))

  return { incidents, incident, tasks, counts, callers, error, pending, load, reassign }
}
