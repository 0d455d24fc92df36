import { computed, ref, shallowRef } from 'vue'
import type { CallbackOutcome } from '@/api/entries'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { callbackApi } from '../api'
import type { CallbackTask } from '../types'
import { byUrgency, worked } from '../work'

/** Where a person's callbacks are kept on the device (the last good answer). */
export const mineKey = (user: string): string => `callbacks:mine:${user}`

/**
 * "My callbacks" (S2.6): the tasks from the server (the device's copy when offline), with the attempts recorded
 * here and not yet sent counted in. Each attempt is a `callback.attempted` entry in the outbox.
 */
export function useMyCallbacks() {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const tasks = shallowRef<CallbackTask[]>([])
  const fresh = ref<boolean | null>(null)
  const savedAt = ref<string | null>(null)
  const loaded = ref(false)

  async function load(): Promise<void> {
    const user = session.username
    if (!user) return
    try {
      const result = await networkFirst(appDb(), mineKey(user), () => callbackApi.mine())
      tasks.value = Array.isArray(result.value) ? result.value : []
      fresh.value = result.fresh
      savedAt.value = result.savedAt
    } catch {
      tasks.value = []
      fresh.value = false
    }
    loaded.value = true
  }

  const list = computed(() => worked(tasks.value, outbox.rows).sort(byUrgency))
  const open = computed(() => list.value.filter((t) => t.shownState === 'open'))
  const closed = computed(() => list.value.filter((t) => t.shownState !== 'open'))
  const overdue = computed(() => open.value.filter((t) => t.overdue).length)

  async function attempt(task: CallbackTask, outcome: CallbackOutcome, note: string): Promise<void> {
    const trimmed = note.trim()
    await outbox.record('callback.attempted', { taskId: task.id, outcome, ...(trimmed ? { note: trimmed } : {}) }, task.incident)
  }

  /** Refused attempts of this person, for the screen to say why. */
  const refusals = computed(() =>
    outbox.rows.filter((r) => r.kind === 'callback.attempted' && r.status === 'refused').slice(0, 3),
  )

  return { tasks, list, open, closed, overdue, fresh, savedAt, loaded, refusals, load, attempt }
}
