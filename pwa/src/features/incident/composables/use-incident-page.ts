import { computed, ref, shallowRef, type Ref } from 'vue'
import { useIncidentRefresh } from '@/composables/use-incident-refresh'
import { prefillCenterInput, readCenterInput, type CenterInputPrefill } from '@/composables/use-format'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { useIncidentStore } from '../store'

export type IncidentTab = 'overview' | 'playbook' | 'log'
export type ActionSheet = 'none' | 'note' | 'resolve'

/** The incident page: what it shows, which actions the person may take, and the forms for them. */
export function useIncidentPage(id: Ref<string>) {
  const store = useIncidentStore()
  const session = useSessionStore()
  const tab = ref<IncidentTab>('overview')
  const sheet = ref<ActionSheet>('none')
  const noteText = ref('')
  const recoveredPrefill = shallowRef<CenterInputPrefill>(prefillCenterInput(new Date()))
  const recoveredAt = ref(recoveredPrefill.value.value)
  const formError = ref<string | null>(null)

  const incident = computed(() => (store.current?.id === id.value ? store.current : null))
  const pending = computed(() => store.pendingKinds(id.value))
  const lines = computed(() => store.logLines(id.value))
  const resolved = computed(() => incident.value?.state === 'resolved' || pending.value.has('incident.resolved'))

  const reportedIt = computed(() => (incident.value?.reports ?? []).some((r) => r.reporter === session.username))
  /** S2.2: whoever may acknowledge may judge the fault, until the incident is resolved. */
  const canTriage = computed(() => can(session.user, 'acknowledge') && !!incident.value && incident.value.state !== 'resolved')
  const canAcknowledge = computed(
    () => can(session.user, 'acknowledge') && incident.value?.state === 'open' && !pending.value.has('incident.acknowledged'),
  )
  const canNote = computed(() => !!incident.value && (can(session.user, 'note') || reportedIt.value))
  const canResolve = computed(() => can(session.user, 'resolve') && !!incident.value && !resolved.value)
  const canSeePlaybook = computed(() => can(session.user, 'playbook'))

  const reload = () => {
    void store.loadIncident(id.value)
    void store.loadLog(id.value)
  }
  useIncidentRefresh(id, reload)

  async function acknowledge(): Promise<void> {
    await store.acknowledge(id.value)
  }

  function openNote(): void {
    noteText.value = ''
    formError.value = null
    sheet.value = 'note'
  }

  async function saveNote(): Promise<boolean> {
    const text = noteText.value.trim()
    if (!text || text.length > 4000) {
      formError.value = 'incident.noteInvalid'
      return false
    }
    await store.addNote(id.value, text)
    sheet.value = 'none'
    return true
  }

  function openResolve(): void {
    recoveredPrefill.value = prefillCenterInput(new Date())
    recoveredAt.value = recoveredPrefill.value.value
    formError.value = null
    sheet.value = 'resolve'
  }

  async function confirmResolve(): Promise<boolean> {
    const at = recoveryTime(recoveredAt.value, recoveredPrefill.value, incident.value?.startedAt)
    if (!at) {
      formError.value = 'incident.recoveredInvalid'
      return false
    }
    await store.resolve(id.value, at)
    sheet.value = 'none'
    return true
  }

  return {
    store,
    tab,
    sheet,
    noteText,
    recoveredAt,
    formError,
    incident,
    pending,
    lines,
    canAcknowledge,
    canTriage,
    canNote,
    canResolve,
    canSeePlaybook,
    reload,
    acknowledge,
    openNote,
    saveNote,
    openResolve,
    confirmResolve,
  }
}

/**
 * The recovery time to send: the exact instant the form was filled with when the person left the field
 * as it was, else the time picked. The field shows whole seconds, so a time picked in the second the
 * incident started counts as its start; an earlier one is refused. Never earlier than what was picked.
 */
export function recoveryTime(value: string, prefill: CenterInputPrefill | null, startedAt: string | undefined): Date | null {
  const at = readCenterInput(value, prefill)
  if (!at) return null
  if (!startedAt) return at
  const start = new Date(startedAt).getTime()
  if (Number.isNaN(start)) return at
  if (at.getTime() < Math.floor(start / 1000) * 1000) return null
  return at.getTime() < start ? new Date(start) : at
}
