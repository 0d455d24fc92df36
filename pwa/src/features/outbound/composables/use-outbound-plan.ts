import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { outboundApi } from '../api'
import type { Plan, PlanImport, Reallocation } from '../types'

/**
 * The day's outbound plan and the proposed reallocation (S7.3, S7.4), for team leads and managers: import the plan,
 * review what would move and why, apply exactly what was reviewed.
 */
export function useOutboundPlan() {
  const { t } = useI18n()
  const session = useSessionStore()
  const plan = shallowRef<Plan | null>(null)
  const proposal = shallowRef<Reallocation | null>(null)
  const imported = shallowRef<PlanImport | null>(null)
  const error = ref('')
  const busy = ref(false)
  const mayApply = computed(() => can(session.user, 'outboundApply'))
  const mayImport = computed(() => can(session.user, 'outboundImport'))

  function say(e: unknown): string {
    return e instanceof ApiError ? e.message : t('outbound.failed')
  }

  async function load(): Promise<void> {
    try {
      const [p, r] = await Promise.all([outboundApi.plan(), outboundApi.proposal()])
      plan.value = p
      proposal.value = r
      error.value = ''
    } catch (e) {
      error.value = say(e)
    }
  }

  async function importFile(file: File): Promise<void> {
    busy.value = true
    try {
      imported.value = await outboundApi.importPlan(await file.text())
      error.value = ''
      await load()
    } catch (e) {
      error.value = say(e)
    } finally {
      busy.value = false
    }
  }

  /** Applies the proposal as reviewed; when it changed meanwhile, shows the new one and says so. */
  async function apply(incident?: string): Promise<'applied' | 'stale' | 'failed'> {
    const reviewed = proposal.value
    if (!reviewed) return 'failed'
    busy.value = true
    try {
      await outboundApi.apply(reviewed.basis, incident)
      await load()
      return 'applied'
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await load()
        return 'stale'
      }
      error.value = say(e)
      return 'failed'
    } finally {
      busy.value = false
    }
  }

  return { plan, proposal, imported, error, busy, mayApply, mayImport, load, importFile, apply }
}
