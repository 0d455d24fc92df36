import { computed, ref, shallowRef, type Ref } from 'vue'
import { useIncidentRefresh } from '@/composables/use-incident-refresh'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { evacuationApi } from '../api'
import type { FireTriage, TriageAnswer } from '../types'

/** A fire incident's first question (S5.2): whom to call at property management, and the answer, queued like any entry. */
export function useFireTriage(id: Ref<string>) {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const db = appDb()
  const triage = shallowRef<FireTriage | null>(null)
  const allowed = computed(() => can(session.user, 'triage'))
  const confirming = ref<TriageAnswer | null>(null)

  async function reload(): Promise<void> {
    if (!allowed.value) return
    try {
      const result = await networkFirst(db, `fire:${id.value}`, () => evacuationApi.triage(id.value))
      triage.value = result.value
    } catch {
      triage.value = null
    }
  }
  useIncidentRefresh(id, () => void reload())

  /** The answer waiting to be sent from this device, if any: shown at once, before the server has it. */
  const pending = computed<TriageAnswer | null>(() => {
    const rows = outbox.rows.filter((r) => r.kind === 'fire.triaged' && r.incident === id.value && r.status === 'waiting')
    const last = rows[0]
    return last && last.kind === 'fire.triaged' ? last.payload.answer : null
  })
  const answer = computed<TriageAnswer | null>(() => pending.value ?? triage.value?.answer ?? null)

  function ask(value: TriageAnswer): void {
    confirming.value = value
  }

  async function confirm(): Promise<void> {
    const value = confirming.value
    confirming.value = null
    if (!value) return
    await outbox.record('fire.triaged', { answer: value, ...(triage.value?.site ? { site: triage.value.site } : {}) }, id.value)
  }

  return { triage, allowed, answer, pending, confirming, ask, confirm, reload }
}
