import { computed, reactive, ref } from 'vue'
import { useOutboxStore } from '@/offline/store'
import { appDb, type OutboxRow } from '@/offline/db'
import { toCenterInput } from '@/composables/use-format'
import { checkDraft, dueToInstant, normalizePhone } from '../rules'
import type { CaptureDraft, CapturedPayload, CaptureSource, DraftField, FieldError } from '../types'

export type CapturedRow = Extract<OutboxRow, { kind: 'customer.captured' }>
/** How a record on this device stands: not yet sent, stored by the server, or refused (with its reason). */
export type RowState = 'waiting' | 'sent' | 'refused'

export function emptyDraft(): CaptureDraft {
  return { name: '', phone: '', accountId: '', matter: '', category: '', callbackPromised: false, callbackDueAt: '', paperFormNo: '' }
}

/** `YYYY-MM-DDTHH:mm` in the center's time zone (whatever the device's), for a datetime-local input. */
export function toDueInput(at: Date): string {
  return toCenterInput(at).slice(0, 16)
}

/** The payload a draft becomes: trimmed, the phone in E.164, optional fields only when given. */
export function toPayload(draft: CaptureDraft, source: CaptureSource, incident?: string): CapturedPayload {
  const due = draft.callbackPromised ? dueToInstant(draft.callbackDueAt) : null
  const accountId = draft.accountId.trim()
  const formNo = draft.paperFormNo.trim()
  return {
    ...(incident ? { incidentId: incident } : {}),
    name: draft.name.trim(),
    phone: normalizePhone(draft.phone) ?? draft.phone.trim(),
    ...(accountId ? { accountId } : {}),
    matter: draft.matter.trim(),
    category: draft.category || 'other',
    callbackPromised: draft.callbackPromised,
    ...(due ? { callbackDueAt: due } : {}),
    source,
    ...(source === 'paper' && formNo ? { paperFormNo: formNo } : {}),
  }
}

/** A refused (or any) record's payload back in the form, to fix and send again. */
export function toDraft(p: CapturedPayload): CaptureDraft {
  return {
    name: p.name,
    phone: p.phone,
    accountId: p.accountId ?? '',
    matter: p.matter,
    category: p.category,
    callbackPromised: p.callbackPromised,
    callbackDueAt: p.callbackDueAt ? toDueInput(new Date(p.callbackDueAt)) : '',
    paperFormNo: p.paperFormNo ?? '',
  }
}

/** The next paper form number after one typed in (`A-0041` → `A-0042`), or empty. */
export function nextFormNo(formNo: string): string {
  const m = /^(.*?)(\d+)$/.exec(formNo.trim())
  if (!m) return ''
  const digits = m[2] ?? ''
  return `${m[1] ?? ''}${String(Number(digits) + 1).padStart(digits.length, '0')}`
}

/**
 * The capture form (S2.5): checked as it will be on the server, recorded as a `customer.captured` entry in the
 * outbox (IndexedDB), so it waits on the device while offline and survives a closed tab; the device's own
 * records are listed with their state, a refused one with the server's reason, to fix and send again.
 */
export function useCaptureForm(options: { source: CaptureSource; incident?: () => string | undefined }) {
  const outbox = useOutboxStore()
  const draft = reactive<CaptureDraft>(emptyDraft())
  const errors = ref<FieldError[]>([])
  const attempted = ref(false)
  /** The refused record being fixed: it is dropped from the device once its fixed copy is recorded. */
  const fixing = ref<string | null>(null)

  const mine = computed(() =>
    outbox.rows.filter((r): r is CapturedRow => r.kind === 'customer.captured' && r.payload.source === options.source),
  )
  const counts = computed(() => ({
    waiting: mine.value.filter((r) => r.status === 'waiting').length,
    sent: mine.value.filter((r) => r.status === 'sent').length,
    refused: mine.value.filter((r) => r.status === 'refused').length,
  }))

  function errorOf(field: DraftField): FieldError | undefined {
    return attempted.value || field === 'phone' ? errors.value.find((e) => e.field === field) : undefined
  }

  function validate(field?: DraftField): FieldError[] {
    errors.value = checkDraft(draft, new Date(), options.source === 'paper')
    return field ? errors.value.filter((e) => e.field === field) : errors.value
  }

  /** Records the draft when it is acceptable; answers whether it did. */
  async function submit(): Promise<CapturedRow | null> {
    attempted.value = true
    if (validate().length > 0) return null
    const row = (await outbox.record('customer.captured', toPayload(draft, options.source, options.incident?.()))) as CapturedRow
    if (fixing.value) {
      await appDb().outbox.delete(fixing.value)
      fixing.value = null
    }
    const formNo = draft.paperFormNo
    Object.assign(draft, emptyDraft())
    if (options.source === 'paper') draft.paperFormNo = nextFormNo(formNo)
    attempted.value = false
    errors.value = []
    return row
  }

  function fix(row: CapturedRow): void {
    Object.assign(draft, toDraft(row.payload))
    fixing.value = row.id
    attempted.value = true
    validate()
  }

  function promiseIn(hours: number): void {
    draft.callbackPromised = true
    draft.callbackDueAt = toDueInput(new Date(Date.now() + hours * 3600 * 1000))
  }

  function reset(): void {
    Object.assign(draft, emptyDraft())
    errors.value = []
    attempted.value = false
    fixing.value = null
  }

  return { draft, errors, attempted, fixing, mine, counts, errorOf, validate, submit, fix, promiseIn, reset }
}
