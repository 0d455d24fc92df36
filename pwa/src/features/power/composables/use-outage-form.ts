import { ref } from 'vue'
import { ApiError } from '@/api/http'
import { fromCenterInput, toCenterInput } from '@/composables/use-format'
import { newId } from '@/offline/ids'
import { powerApi } from '../api'
import type { Outage, PlanArea } from '../types'

export const WARN_CHOICES = ['P1D', 'PT2H', 'PT1H', 'PT30M'] as const

/** The manager enters the window property management announced, when to warn, and the plan for the window. */
export function useOutageForm() {
  const clientId = newId()
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000)
  const site = ref('hq')
  const startsAt = ref(toCenterInput(tomorrow).slice(0, 16))
  const endsAt = ref(toCenterInput(new Date(tomorrow.getTime() + 2 * 3600 * 1000)).slice(0, 16))
  const source = ref('')
  const warnBefore = ref<string[]>(['P1D', 'PT1H'])
  const plan = ref<{ area: PlanArea; text: string }[]>([
    { area: 'where', text: '' },
    { area: 'queues', text: '' },
    { area: 'switch', text: '' },
  ])
  const errors = ref<{ field: string; message: string }[]>([])
  const saving = ref(false)

  function add(): void {
    plan.value = [...plan.value, { area: 'other', text: '' }]
  }

  function remove(i: number): void {
    plan.value = plan.value.filter((_, j) => j !== i)
  }

  async function save(): Promise<Outage | null> {
    errors.value = []
    const start = fromCenterInput(startsAt.value)
    const end = fromCenterInput(endsAt.value)
    saving.value = true
    try {
      return await powerApi.plan({
        clientId,
        site: site.value.trim(),
        startsAt: start ? start.toISOString() : startsAt.value,
        endsAt: end ? end.toISOString() : endsAt.value,
        ...(source.value.trim() ? { source: source.value.trim() } : {}),
        warnBefore: warnBefore.value,
        plan: plan.value.filter((i) => i.text.trim()).map((i) => ({ area: i.area, text: i.text.trim() })),
      })
    } catch (e) {
      errors.value = e instanceof ApiError && e.problem?.errors?.length ? e.problem.errors : [{ field: '', message: e instanceof Error ? e.message : String(e) }]
      return null
    } finally {
      saving.value = false
    }
  }

  return { site, startsAt, endsAt, source, warnBefore, plan, errors, saving, add, remove, save }
}
