import { computed, reactive, ref } from 'vue'
import { useOutboxStore } from '@/offline/store'
import type { FlagState } from '../types'

export const MAX_FLAG = 500
const REASON = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/

export interface FlagDraft {
  text: string
  reason: string
  product: string
}

/** Why a flag cannot be sent yet: nothing said, too long, or a reason code the server would refuse. */
export type FlagProblem = 'empty' | 'tooLong' | 'reason'

export function checkFlag(draft: FlagDraft): FlagProblem | null {
  const text = draft.text.trim()
  if (!text) return 'empty'
  if (text.length > MAX_FLAG) return 'tooLong'
  if (draft.reason.trim() && !REASON.test(draft.reason.trim())) return 'reason'
  return null
}

/**
 * An agent's "many customers are saying this" (S6.1): recorded as `feedback.flag.raised` in the outbox, so it is
 * kept and sent when the server can be reached, and read by the detector as several customers at once.
 */
export function useFlag() {
  const outbox = useOutboxStore()
  const draft = reactive<FlagDraft>({ text: '', reason: '', product: '' })
  const sentId = ref<string | null>(null)
  const problem = ref<FlagProblem | null>(null)

  const state = computed<FlagState>(() => {
    if (!sentId.value) return 'editing'
    const row = outbox.rows.find((r) => r.id === sentId.value)
    if (!row) return 'waiting'
    return row.status === 'sent' ? 'sent' : row.status === 'refused' ? 'refused' : 'waiting'
  })
  const refusal = computed(() => outbox.rows.find((r) => r.id === sentId.value)?.reason ?? null)

  async function send(): Promise<boolean> {
    problem.value = checkFlag(draft)
    if (problem.value) return false
    const reason = draft.reason.trim().toUpperCase()
    const product = draft.product.trim()
    const row = await outbox.record('feedback.flag.raised', {
      text: draft.text.trim(),
      ...(reason ? { reason } : {}),
      ...(product ? { product } : {}),
    })
    sentId.value = row.id
    return true
  }

  function again(): void {
    Object.assign(draft, { text: '', reason: '', product: '' })
    sentId.value = null
    problem.value = null
  }

  return { draft, state, refusal, problem, send, again }
}
