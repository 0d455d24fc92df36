import { computed, ref, type Ref } from 'vue'
import { useIncidentRefresh } from '@/composables/use-incident-refresh'
import { useSessionStore } from '@/features/auth/store'
import { useOutboxStore } from '@/offline/store'
import { callViews, canMarkCalls, canSeeDeliveries, levelViews, stepViews } from '../playbook-view'
import { usePlaybookStore } from '../store'
import type { StepView } from '../types'

export const REASON_MAX = 500

/** The playbook tab of an incident: the checklist, the timers, the call tree, compliance and deliveries. */
export function useIncidentPlaybook(id: Ref<string>) {
  const store = usePlaybookStore()
  const session = useSessionStore()
  const outbox = useOutboxStore()

  const playbook = computed(() => (store.playbook?.incidentId === id.value ? store.playbook : null))
  const steps = computed(() => (playbook.value ? stepViews(playbook.value, outbox.rows, session.user) : []))
  const calls = computed(() => (playbook.value ? callViews(playbook.value, outbox.rows) : []))
  const levels = computed(() => (playbook.value ? levelViews(playbook.value, outbox.rows, session.user) : []))
  const callsAllowed = computed(() => canMarkCalls(session.user))
  const deliveriesAllowed = computed(() => canSeeDeliveries(session.user))

  const skipping = ref<StepView | null>(null)
  const reason = ref('')
  const reasonError = ref<string | null>(null)

  const reload = () => {
    void store.load(id.value)
    if (deliveriesAllowed.value) void store.loadDeliveries(id.value)
  }
  useIncidentRefresh(id, reload)

  async function done(view: StepView): Promise<void> {
    if (!view.canWork) return
    await store.done(id.value, view.step.id)
  }

  function askSkip(view: StepView): void {
    if (!view.canWork) return
    skipping.value = view
    reason.value = ''
    reasonError.value = null
  }

  async function confirmSkip(): Promise<boolean> {
    const view = skipping.value
    const text = reason.value.trim()
    if (!view) return false
    if (!text || text.length > REASON_MAX) {
      reasonError.value = 'playbook.reasonInvalid'
      return false
    }
    await store.skip(id.value, view.step.id, text)
    skipping.value = null
    return true
  }

  function cancelSkip(): void {
    skipping.value = null
  }

  async function markCall(contact: string, reached: boolean): Promise<void> {
    if (!callsAllowed.value) return
    await store.call(id.value, contact, reached)
  }

  async function acknowledge(firing: string): Promise<void> {
    await store.acknowledge(id.value, firing)
  }

  return {
    store,
    playbook,
    steps,
    calls,
    levels,
    callsAllowed,
    deliveriesAllowed,
    skipping,
    reason,
    reasonError,
    reload,
    done,
    askSkip,
    confirmSkip,
    cancelSkip,
    markCall,
    acknowledge,
  }
}
