import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { ApiError } from '@/api/http'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { trafficApi } from '../api'
import { movedPeople, needsStaff, outcomeOf, preselect, type PeopleOutcome } from '../staffing'
import type { QueueStatus, StaffMove, StaffProposal, StaffShift } from '../types'

/** Why a move or a return could not be made at all: no network, or the server said no to the whole request. */
export type StaffFailure = { kind: 'network' } | { kind: 'refused'; message: string }
export type StaffResult = { ok: true; outcome: PeopleOutcome } | { ok: false; failure: StaffFailure }

function failure(e: unknown): StaffFailure {
  if (e instanceof ApiError && e.reason !== 'network') return { kind: 'refused', message: e.message }
  return { kind: 'network' }
}

/**
 * Pulling staff onto the lines in a surge (S7.1): the proposal for each queue that is short (any other on demand), the
 * people chosen for the open one (the proposed ones ticked), moving them in one action for the surge incident, who is
 * on the lines now, and sending them back. Moves need the server: each person is told at once, so nothing is queued.
 */
export function useStaffing(statuses: Ref<QueueStatus[]>, surgeIncident: Ref<string | null>) {
  const session = useSessionStore()
  const mayPropose = computed(() => can(session.user, 'staffProposal'))
  const mayMove = computed(() => can(session.user, 'staffMove'))
  /** The proposals fetched unasked, for the queues that are short or in a surge. */
  const proposals = shallowRef<Record<string, StaffProposal>>({})
  const moves = shallowRef<StaffMove[]>([])
  const shifts = shallowRef<StaffShift[]>([])
  /** The queue whose proposal is open, the proposal, and who is ticked. */
  const queue = ref<string | null>(null)
  const proposal = shallowRef<StaffProposal | null>(null)
  const selected = ref<string[]>([])
  const loading = ref(false)
  const busy = ref(false)
  /** Why the open proposal could not be read fresh. */
  const error = shallowRef<StaffFailure | null>(null)

  async function load(): Promise<void> {
    const [m, r] = await Promise.allSettled([trafficApi.moves(), trafficApi.onShift()])
    if (m.status === 'fulfilled') moves.value = m.value
    if (r.status === 'fulfilled') shifts.value = r.value
    if (!mayPropose.value) return
    const next: Record<string, StaffProposal> = {}
    await Promise.all(
      statuses.value.filter(needsStaff).map(async (s) => {
        try {
          next[s.queue.code] = await trafficApi.proposal(s.queue.code)
        } catch {
          // offline: the proposal comes back with the network
        }
      }),
    )
    proposals.value = next
  }
  watch(statuses, () => void load())

  /** Opens a queue's proposal, fresh from the server, with the proposed people ticked. */
  async function open(code: string): Promise<void> {
    queue.value = code
    proposal.value = proposals.value[code] ?? null
    selected.value = proposal.value ? preselect(proposal.value) : []
    error.value = null
    loading.value = true
    try {
      const fresh = await trafficApi.proposal(code)
      if (queue.value !== code) return
      proposal.value = fresh
      selected.value = preselect(fresh)
    } catch (e) {
      if (queue.value === code) error.value = failure(e)
    } finally {
      loading.value = false
    }
  }

  function close(): void {
    queue.value = null
    proposal.value = null
    selected.value = []
    error.value = null
  }

  async function run(work: () => Promise<PeopleOutcome>): Promise<StaffResult> {
    busy.value = true
    try {
      const outcome = await work()
      await load()
      return { ok: true, outcome }
    } catch (e) {
      return { ok: false, failure: failure(e) }
    } finally {
      busy.value = false
    }
  }

  /** Moves everyone ticked onto the open queue for the surge incident, in one action. */
  function move(): Promise<StaffResult> {
    const code = queue.value
    const incident = surgeIncident.value
    const people = [...selected.value]
    if (!code || !incident || people.length === 0 || !mayMove.value) {
      return Promise.resolve({ ok: true, outcome: { done: [], refused: [] } })
    }
    return run(async () => outcomeOf(people, await trafficApi.move(incident, code, people)))
  }

  /** Sends the named people back to their own work (never an empty list: the server reads that as everyone). */
  function sendBack(usernames: string[]): Promise<StaffResult> {
    if (usernames.length === 0 || !mayMove.value) return Promise.resolve({ ok: true, outcome: { done: [], refused: [] } })
    return run(async () => outcomeOf(usernames, await trafficApi.sendBack(usernames)))
  }

  const moved = computed(() => movedPeople(moves.value, shifts.value, statuses.value))

  return { mayPropose, mayMove, proposals, queue, proposal, selected, loading, busy, error, moved, load, open, close, move, sendBack }
}
