import { computed, ref, shallowRef } from 'vue'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { presenceApi } from '../api'
import { shownState } from '../state'
import type { Mine } from '../types'

export const mineKey = (user: string): string => `presence:mine:${user}`

/**
 * The agent's own presence (S2.4): ask to leave (reason and expected return), mark back, mark away. Each is an entry
 * in the outbox, so it works offline and shows "not yet sent" until the server has it.
 */
export function useMyPresence() {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const mine = shallowRef<Mine | null>(null)
  const fresh = ref<boolean | null>(null)

  async function load(): Promise<void> {
    const user = session.username
    if (!user) return
    try {
      // whoever looks at their own presence is there: say so first, so that the answer is not "not seen"
      await presenceApi.heartbeat().catch(() => undefined)
      const result = await networkFirst(appDb(), mineKey(user), () => presenceApi.mine())
      mine.value = result.value
      fresh.value = result.fresh
    } catch {
      fresh.value = false
    }
  }

  // this person's own presence entries (a manager marking someone else away is not about themselves)
  const presenceRows = computed(() =>
    outbox.rows.filter((r) => r.kind.startsWith('presence.') && !(r.kind === 'presence.away' && r.payload.username)),
  )
  const waiting = computed(() => presenceRows.value.filter((r) => r.status === 'waiting'))
  const refused = computed(() => presenceRows.value.filter((r) => r.status === 'refused').slice(0, 2))
  const state = computed(() => shownState(mine.value?.me.state ?? 'present', waiting.value))
  const latest = computed(() => mine.value?.requests[0] ?? null)

  async function ask(reason: string, minutes: number): Promise<void> {
    const back = new Date(Date.now() + minutes * 60_000).toISOString()
    await outbox.record('presence.leave-requested', { reason: reason.trim(), expectedBackAt: back })
  }

  async function returned(): Promise<void> {
    await outbox.record('presence.returned', {})
  }

  async function away(note: string): Promise<void> {
    const trimmed = note.trim()
    await outbox.record('presence.away', trimmed ? { note: trimmed } : {})
  }

  return { mine, fresh, state, waiting, refused, latest, load, ask, returned, away }
}
