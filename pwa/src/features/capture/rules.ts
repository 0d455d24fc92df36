import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { fromCenterInput } from '@/composables/use-format'
import { CATEGORIES, type CaptureDraft, type FieldError } from './types'

/** The same limits as the server's (CaptureRules). */
export const LIMITS = { name: 100, phone: 40, accountId: 64, matter: 2000, paperFormNo: 40 } as const
export const LATEST_CALLBACK_DAYS = 30
const CLOCK_SLACK_MS = 5 * 60 * 1000
const DAY_MS = 24 * 3600 * 1000

/**
 * A phone number in E.164, or null when it is not one: a Chinese mainland number may come without prefix,
 * any other starts with +. Full metadata (libphonenumber-js/max), like Google's libphonenumber on the server.
 */
export function normalizePhone(typed: string): string | null {
  const s = typed.trim()
  if (!s || s.length > LIMITS.phone || !/^[+0-9 ()\-.]+$/.test(s) || s.indexOf('+') > 0) return null
  const number = parsePhoneNumberFromString(s, s.startsWith('+') ? undefined : 'CN')
  if (!number || !number.isValid()) return null
  return number.number
}

/** A `YYYY-MM-DDTHH:mm` field, read as the center's wall time like every time a person sees, as an instant, or null. */
export function dueToInstant(value: string): string | null {
  return fromCenterInput(value)?.toISOString() ?? null
}

/** Every rule the draft breaks, in the order of the form's fields (empty: ready to send). */
export function checkDraft(draft: CaptureDraft, now: Date = new Date(), paper = false): FieldError[] {
  const errors: FieldError[] = []
  if (paper && draft.paperFormNo.trim().length > LIMITS.paperFormNo) {
    errors.push({ field: 'paperFormNo', key: 'tooLong', args: { max: LIMITS.paperFormNo } })
  }
  const name = draft.name.trim()
  if (!name) errors.push({ field: 'name', key: 'required' })
  else if (name.length > LIMITS.name) errors.push({ field: 'name', key: 'tooLong', args: { max: LIMITS.name } })
  const phone = draft.phone.trim()
  if (!phone) errors.push({ field: 'phone', key: 'required' })
  else if (!normalizePhone(phone)) errors.push({ field: 'phone', key: 'phone' })
  if (draft.accountId.trim().length > LIMITS.accountId) {
    errors.push({ field: 'accountId', key: 'tooLong', args: { max: LIMITS.accountId } })
  }
  const matter = draft.matter.trim()
  if (!matter) errors.push({ field: 'matter', key: 'required' })
  else if (matter.length > LIMITS.matter) errors.push({ field: 'matter', key: 'tooLong', args: { max: LIMITS.matter } })
  if (!draft.category || !CATEGORIES.includes(draft.category)) errors.push({ field: 'category', key: 'category' })
  if (draft.callbackPromised) {
    const due = dueToInstant(draft.callbackDueAt)
    if (!due) errors.push({ field: 'callbackDueAt', key: 'dueMissing' })
    else {
      const at = new Date(due).getTime()
      if (at < now.getTime() - CLOCK_SLACK_MS || at > now.getTime() + LATEST_CALLBACK_DAYS * DAY_MS) {
        errors.push({ field: 'callbackDueAt', key: 'dueRange', args: { days: LATEST_CALLBACK_DAYS } })
      }
    }
  }
  return errors
}
