import { computed, ref, shallowRef } from 'vue'
import { ApiError } from '@/api/http'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { presenceApi } from '../api'
import type { LeaveRequest, OnDuty, PresenceState } from '../types'

export const DUTY_KEY = 'presence:duty'

/**
 * The manager's duty list (S2.4): who is on shift and where each one is, the requests waiting for a decision, and the
 * decisions themselves (entries in the outbox: they work offline too).
 */
export function useDutyList() {
  const outbox = useOutboxStore()
  const people = shallowRef<OnDuty[]>([])
  const requests = shallowRef<LeaveRequest[]>([])
  const fresh = ref<boolean | null>(null)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    try {
      const result = await networkFirst(appDb(), DUTY_KEY, async () => ({
        people: await presenceApi.dutyList(),
        requests: await presenceApi.requests(),
      }))
      people.value = result.value.people
      requests.value = result.value.requests
      fresh.value = result.fresh
      error.value = null
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
    }
  }

  const counts = computed(() => {
    const c: Record<PresenceState, number> = { present: 0, asked: 0, on_leave: 0, away: 0 }
    for (const p of people.value) c[p.state]++
    return c
  })

  /** Requests decided on this device and not yet sent. */
  const deciding = computed(
    () => new Set(outbox.waiting.filter((r) => r.kind === 'presence.leave-decided').map((r) => r.payload.request)),
  )

  async function decide(request: string, allowed: boolean): Promise<void> {
    const incident = requests.value.find((r) => r.id === request)?.incident
    await outbox.record('presence.leave-decided', { request, allowed }, incident)
  }

  async function markAway(username: string): Promise<void> {
    await outbox.record('presence.away', { username })
  }

  return { people, requests, fresh, error, counts, deciding, load, decide, markAway }
}
