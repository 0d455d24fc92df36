import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'
import { CENTER_TIME_ZONE } from '@/composables/use-format'
import { reviewApi } from '../api'
import type { Column } from './chart'
import type { Count, ExportFormat, Report, ReportFilter, ReportTableName } from '../types'

/** Today in the center's time zone, as YYYY-MM-DD. */
export function centerToday(now: Date = new Date(), zone = CENTER_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The last 30 days up to today, the report's default period. */
export function defaultFilter(now: Date = new Date()): ReportFilter {
  const to = centerToday(now)
  const from = new Date(`${to}T00:00:00Z`)
  from.setUTCDate(from.getUTCDate() - 29)
  return { from: from.toISOString().slice(0, 10), to, site: '', kind: '' }
}

/** Seconds as minutes in the reader's locale (one decimal), or a dash when there is none. */
export function minutes(seconds: number | undefined | null, locale: string): string {
  if (seconds === undefined || seconds === null) return '–'
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(seconds / 60)
}

/** The columns of the "over time" chart: one per period, stacked by kind. */
export function overTimeColumns(report: Report, label: (start: string) => string): Column[] {
  return report.incidents.overTime.map((p) => ({
    label: label(p.start),
    segments: p.byKind.map((c) => ({ key: c.key, value: c.count })),
  }))
}

/** The keys present anywhere in a list of counts, sorted. */
export function keysOf(counts: Count[][]): string[] {
  return [...new Set(counts.flat().map((c) => c.key))].sort()
}

export function useReports() {
  const { locale } = useI18n()
  const filter = ref<ReportFilter>(defaultFilter())
  const report = shallowRef<Report | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      report.value = await reviewApi.report(filter.value)
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  const zone = computed(() => report.value?.zone ?? CENTER_TIME_ZONE)
  const number = (n: number) => new Intl.NumberFormat(locale.value).format(n)
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale.value, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(new Date(`${iso}T00:00:00Z`))
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(locale.value, { timeZone: zone.value, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
  const tableUrl = (table: ReportTableName, format: ExportFormat) => reviewApi.tableUrl(table, format, filter.value, locale.value)
  const auditUrl = computed(() => reviewApi.auditUrl(filter.value))

  return { filter, report, loading, error, load, zone, number, day, dateTime, tableUrl, auditUrl, locale }
}
