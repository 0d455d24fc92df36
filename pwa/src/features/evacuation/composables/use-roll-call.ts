import { computed, ref, shallowRef, type Ref } from 'vue'
import { ApiError } from '@/api/http'
import { useIncidentRefresh } from '@/composables/use-incident-refresh'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { evacuationApi } from '../api'
import { byUrgency, withLocalMarks } from '../marks'
import type { MarkStatus, RollCall } from '../types'

export type RollCallLoad = 'loading' | 'ready' | 'none' | 'failed'

/** The roll call's cache key: the tablet keeps the last copy (people and the site's procedure) for offline use. */
export const rollCallKey = (incident: string) => `rollcall:${incident}`

/**
 * One incident's roll call as a phone or a marshal's tablet holds it: the last copy from the server (cached, so it
 * opens offline), with this device's marks that still wait to be sent already applied; marks are entries in the outbox.
 */
export function useRollCall(id: Ref<string>) {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const db = appDb()
  const rollCall = shallowRef<RollCall | null>(null)
  const load = ref<RollCallLoad>('loading')
  const fresh = ref(false)
  const savedAt = ref<string | null>(null)
  const query = ref('')

  async function reload(): Promise<void> {
    const incident = id.value
    try {
      const result = await networkFirst(db, rollCallKey(incident), () => evacuationApi.rollCall(incident))
      if (incident !== id.value) return
      rollCall.value = result.value
      fresh.value = result.fresh
      savedAt.value = result.savedAt
      load.value = 'ready'
    } catch (error) {
      if (incident !== id.value) return
      load.value = error instanceof ApiError && error.status === 404 ? 'none' : 'failed'
    }
  }
  useIncidentRefresh(id, () => void reload())

  const view = computed(() => (rollCall.value ? withLocalMarks(rollCall.value, outbox.rows) : null))
  const people = computed(() => {
    const q = query.value.trim().toLowerCase()
    const all = view.value?.people ?? []
    return [...all]
      .filter((p) => !q || p.displayName.toLowerCase().includes(q) || p.username.toLowerCase().includes(q))
      .sort(byUrgency)
  })
  const me = computed(() => view.value?.people.find((p) => p.username === session.username) ?? null)
  const isMarshal = computed(() => can(session.user, 'marshal'))
  const canClose = computed(() => can(session.user, 'closeRollCall') && rollCall.value?.state === 'open')
  const closing = computed(() =>
    outbox.rows.some((r) => r.kind === 'rollcall.closed' && r.incident === id.value && r.status === 'waiting'),
  )

  async function mark(username: string, status: MarkStatus): Promise<void> {
    await outbox.record('rollcall.marked', { username, status }, id.value)
  }

  async function markSelf(): Promise<void> {
    if (session.username) await mark(session.username, 'safe')
  }

  async function close(reason?: string): Promise<void> {
    await outbox.record('rollcall.closed', reason ? { reason } : {}, id.value)
  }

  return { rollCall, view, people, me, load, fresh, savedAt, query, isMarshal, canClose, closing, reload, mark, markSelf, close }
}
