import { useI18n } from 'vue-i18n'

/** The center's time zone: every time a person sees is in it, whatever the device says. */
export const CENTER_TIME_ZONE = 'Asia/Shanghai'
/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const CENTER_OFFSET = '+08:00'

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of new Intl.DateTimeFormat('en-CA', {
    timeZone: CENTER_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)) {
    out[p.type] = p.value
  }
  return out
}

/** A `datetime-local` value (center wall time, to the second) for an instant. */
export function toCenterInput(date: Date): string {
  const p = parts(date)
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}:${p['second']}`
}

/** The instant of a `datetime-local` value read as center wall time (seconds optional, as browsers omit `:00`). */
export function fromCenterInput(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?$/.exec(value)
  if (!match) return null
  const date = new Date(`${match[1]}${match[2] ?? ':00'}${CENTER_OFFSET}`)
  return Number.isNaN(date.getTime()) ? null : date
}

/** A time field filled in for the person: what it shows, and the exact instant it was filled with. */
export interface CenterInputPrefill {
  value: string
  at: Date
}

export function prefillCenterInput(at: Date): CenterInputPrefill {
  return { value: toCenterInput(at), at }
}

/**
 * The instant a time field stands for: the exact instant it was filled with while the person left it
 * as it was (the field cannot show milliseconds), else what the person picked, never earlier.
 */
export function readCenterInput(value: string, prefill: CenterInputPrefill | null): Date | null {
  if (prefill && value === prefill.value) return prefill.at
  return fromCenterInput(value)
}

/** A dialable address for a number as typed: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  const trimmed = phone.trim()
  const digits = trimmed.replace(/[^0-9]/g, '')
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: CENTER_TIME_ZONE,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

export function formatClock(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: CENTER_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

export function minutesBetween(fromIso: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - new Date(fromIso).getTime()) / 60000))
}

/** Formatting bound to the current language. */
export function useFormat() {
  const { t, locale } = useI18n()
  return {
    dateTime: (iso: string) => formatDateTime(iso, locale.value),
    clock: (iso: string) => formatClock(iso, locale.value),
    duration: (minutes: number) => {
      const hours = Math.floor(minutes / 60)
      const rest = minutes % 60
      return hours > 0 ? t('time.hoursMinutes', { hours, minutes: rest }) : t('time.minutes', { minutes })
    },
  }
}
