import { computed, ref, shallowRef } from 'vue'
import type { DeviceEntryKind } from '@/api/entries'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb, type OutboxRow } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'

/** What a worked task needs for the list: whether it is still open once the waiting calls are counted in. */
export interface Worked {
  shownState: string
  overdue: boolean
}

export interface WorkedListOptions<T, W extends Worked> {
  /** Where the list is kept on the device, per person: `${key}:${username}`. */
  key: string
  fetch: () => Promise<T[]>
  /** The entry kind a call on one of these tasks is recorded as. */
  kind: DeviceEntryKind
  /** The tasks with the calls recorded here and not yet sent counted in, by the server's rule. */
  work: (tasks: readonly T[], outbox: readonly OutboxRow[]) => W[]
  order: (a: W, b: W) => number
}

/**
 * A person's own list of calls to make (callbacks, outbound calls): the server's list, or the device's copy when
 * offline, with the calls recorded on this device and not yet sent counted in; the open ones, the closed ones, how many
 * are overdue, and the calls the server refused, for the screen to say why.
 */
export function useWorkedList<T, W extends Worked>(options: WorkedListOptions<T, W>) {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const tasks = shallowRef<T[]>([])
  const fresh = ref<boolean | null>(null)
  const savedAt = ref<string | null>(null)
  const loaded = ref(false)

  async function load(): Promise<void> {
    const user = session.username
    if (!user) return
    try {
      const result = await networkFirst(appDb(), `${options.key}:${user}`, options.fetch)
      tasks.value = Array.isArray(result.value) ? result.value : []
      fresh.value = result.fresh
      savedAt.value = result.savedAt
    } catch {
      tasks.value = []
      fresh.value = false
    }
    loaded.value = true
  }

  const list = computed(() => options.work(tasks.value, outbox.rows).sort(options.order))
  const open = computed(() => list.value.filter((t) => t.shownState === 'open'))
  const closed = computed(() => list.value.filter((t) => t.shownState !== 'open'))
  const overdue = computed(() => open.value.filter((t) => t.overdue).length)
  const refusals = computed(() => outbox.rows.filter((r) => r.kind === options.kind && r.status === 'refused').slice(0, 3))
  /** How many of these calls the server has answered: the list to show changes when it does. */
  const answered = computed(() => outbox.rows.filter((r) => r.kind === options.kind && r.status !== 'waiting').length)

  return { tasks, list, open, closed, overdue, fresh, savedAt, loaded, refusals, answered, load }
}
