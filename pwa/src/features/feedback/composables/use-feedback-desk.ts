import { computed, onBeforeUnmount, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'
import { feedbackApi } from '../api'
import type { Live, ProblemFilter, SuspectedProblem } from '../types'

/** How often the live screen asks again (contacts keep coming in from the CRM). */
export const REFRESH_MS = 15_000

/**
 * The live rise against normal and the suspected problems (S6.1), and the department's answer to each (S6.2):
 * confirm (it becomes or joins a website-failure incident) or dismiss with a reason.
 */
export function useFeedbackDesk() {
  const { t } = useI18n()
  const live = shallowRef<Live | null>(null)
  const problems = shallowRef<SuspectedProblem[]>([])
  const filter = ref<ProblemFilter>('open')
  const error = ref<string | null>(null)
  const busy = ref<string | null>(null)
  let timer: ReturnType<typeof setInterval> | undefined

  function fail(e: unknown): void {
    error.value = e instanceof ApiError && e.reason === 'network' ? t('feedback.offline') : e instanceof Error ? e.message : String(e)
  }

  async function load(): Promise<void> {
    try {
      const [l, p] = await Promise.all([feedbackApi.live(), feedbackApi.problems(filter.value)])
      live.value = l
      problems.value = p
      error.value = null
    } catch (e) {
      fail(e)
    }
  }

  function start(): void {
    void load()
    timer = setInterval(() => void load(), REFRESH_MS)
  }
  onBeforeUnmount(() => clearInterval(timer))

  async function answer(problem: SuspectedProblem, action: 'confirm' | 'dismiss', text: string): Promise<boolean> {
    if (action === 'dismiss' && !text.trim()) {
      error.value = t('feedback.reasonNeeded')
      return false
    }
    busy.value = problem.id
    try {
      const updated = action === 'confirm' ? await feedbackApi.confirm(problem.id, text.trim()) : await feedbackApi.dismiss(problem.id, text.trim())
      problems.value = problems.value.map((p) => (p.id === updated.id ? updated : p))
      error.value = null
      return true
    } catch (e) {
      fail(e)
      return false
    } finally {
      busy.value = null
    }
  }

  const open = computed(() => problems.value.filter((p) => p.state === 'open').length)

  return { live, problems, filter, error, busy, open, load, start, answer }
}

/** Minutes, as people read a time to verify. */
export function minutes(seconds: number | null | undefined): number {
  return Math.max(0, Math.round((seconds ?? 0) / 60))
}
