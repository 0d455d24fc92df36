import { computed, ref, shallowRef } from 'vue'
import type { OutboundOutcome } from '@/api/entries'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { outboundApi } from '../api'
import type { OutboundTask } from '../types'
import { byImportance, worked } from '../work'

/** Where a person's outbound list is kept on the device (the last good answer). */
export const mineKey = (user: string): string => `outbound:mine:${user}`

/**
 * "My outbound calls" (S7.3): the list from the server (the device's copy when offline), with the calls recorded here
 * and not yet sent counted in. Each call is an `outbound.attempted` entry in the outbox.
 */
export function useMyOutbound() {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const tasks = shallowRef<OutboundTask[]>([])
  const fresh = ref<boolean | null>(null)
  const savedAt = ref<string | null>(null)
  const loaded = ref(false)

  async function load(): Promise<void> {
    const user = session.username
    if (!user) return
    try {
      const result = await networkFirst(appDb(), mineKey(user), () => outboundApi.mine())
      tasks.value = Array.isArray(result.value) ? result.value : []
      fresh.value = result.fresh
      savedAt.value = result.savedAt
    } catch {
      tasks.value = []
      fresh.value = false
    }
    loaded.value = true
  }

  const list = computed(() => worked(tasks.value, outbox.rows).sort(byImportance))
  const open = computed(() => list.value.filter((t) => t.shownState === 'open'))
  const closed = computed(() => list.value.filter((t) => t.shownState !== 'open'))
  const overdue = computed(() => open.value.filter((t) => t.overdue).length)

  async function attempt(task: OutboundTask, outcome: OutboundOutcome, note: string): Promise<void> {
    const trimmed = note.trim()
    await outbox.record('outbound.attempted', { taskId: task.id, outcome, ...(trimmed ? { note: trimmed } : {}) })
  }

  const refusals = computed(() =>
    outbox.rows.filter((r) => r.kind === 'outbound.attempted' && r.status === 'refused').slice(0, 3),
  )

  return { tasks, list, open, closed, overdue, fresh, savedAt, loaded, refusals, load, attempt }
}
