import { ApiError } from '@/api/http'
import type { RuleBody } from '@/features/supplies/types'
import type { SiteBody, ZoneBody } from './types'

/** Field name → what is wrong with it; '' holds what belongs to no field (the server's detail, no connection). */
export type FieldErrors = Record<string, string>

/**
 * A refusal as messages by field, in the words the server chose in the person's language (problem+json `errors`).
 * A refusal without fields keeps its detail under ''; no answer at all says `offline`.
 */
export function fieldErrors(error: unknown, offline: string): FieldErrors {
  if (error instanceof ApiError) {
    if (error.reason === 'network') return { '': offline }
    const fields = error.problem?.errors ?? []
    if (fields.length) {
      const out: FieldErrors = {}
      for (const f of fields) out[f.field] = out[f.field] ? `${out[f.field]} ${f.message}` : f.message
      return out
    }
    return { '': error.problem?.detail ?? error.problem?.title ?? error.message }
  }
  return { '': error instanceof Error ? error.message : String(error) }
}

/** The messages of fields a form does not show, so that none is lost: they go with the form's own message. */
export function unshown(errors: FieldErrors, shown: readonly string[]): string {
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .map(([, message]) => message)
    .join(' ')
}

/** A whole number typed into a field: '' is none, anything but digits is `NaN` (which the form refuses). */
export function wholeNumber(text: string | number | null | undefined): number | undefined {
  const s = String(text ?? '').trim()
  if (s === '') return undefined
  return /^\d+$/.test(s) ? Number(s) : Number.NaN
}

/** The body of a readiness rule: the parts typed in, none left out as 0 or null. */
export function ruleBody(perSeats: string, atLeast: string): RuleBody {
  const per = wholeNumber(perSeats)
  const least = wholeNumber(atLeast)
  return { ...(per === undefined ? {} : { perSeats: per }), ...(least === undefined ? {} : { atLeast: least }) }
}

/** The fields of a body that are not whole numbers, so the form says so before asking the server. */
export function notWhole(body: RuleBody): string[] {
  return Object.entries(body as Record<string, number | undefined>)
    .filter(([, v]) => v !== undefined && !Number.isInteger(v))
    .map(([k]) => k)
}

export function siteBody(form: { name: string; assemblyPoint: string; procedure: string }): SiteBody {
  return { name: form.name.trim(), assemblyPoint: form.assemblyPoint.trim(), procedure: form.procedure.trim() }
}

export function zoneBody(form: { name: string; floor: string }): ZoneBody {
  const floor = form.floor.trim()
  return { name: form.name.trim(), ...(floor ? { floor } : {}) }
}

/** Whether a kind has a rule at a site (a kind only counted shows with nothing required of it). */
export function hasRule(item: { perSeats?: number; atLeast: number }): boolean {
  return item.perSeats != null || item.atLeast > 0
}
