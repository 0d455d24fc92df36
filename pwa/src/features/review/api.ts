import { http } from '@/api/http'
import type { ActionState, ExportFormat, FollowUp, Report, ReportFilter, ReportTableName, Review, ReviewDraft, ReviewSummary } from './types'

function query(filter: ReportFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to })
  if (filter.site) params.set('site', filter.site)
  if (filter.kind) params.set('kind', filter.kind)
  return params.toString()
}

export const reviewApi = {
  list: () => http.get<ReviewSummary[]>('/api/reviews'),
  get: (incident: string) => http.get<Review>(`/api/reviews/${encodeURIComponent(incident)}`),
  write: (incident: string, draft: ReviewDraft, clientId: string) =>
    http.put<Review>(`/api/reviews/${encodeURIComponent(incident)}`, { ...draft, clientId }),
  approve: (incident: string, version: number, clientId: string) =>
    http.post<Review>(`/api/reviews/${encodeURIComponent(incident)}/approve`, { version, clientId }),
  myActions: () => http.get<FollowUp[]>('/api/reviews/actions'),
  allActions: () => http.get<FollowUp[]>('/api/reviews/actions?all=true'),
  updateAction: (action: string, state: ActionState, clientId: string, note?: string) =>
    http.post<FollowUp>(`/api/reviews/actions/${encodeURIComponent(action)}`, { state, note, clientId }),
  pdfUrl: (incident: string, lang: string) => `/api/reviews/${encodeURIComponent(incident)}/report.pdf?lang=${encodeURIComponent(lang)}`,
  report: (filter: ReportFilter) => http.get<Report>(`/api/reports?${query(filter)}`),
  tableUrl: (table: ReportTableName, format: ExportFormat, filter: ReportFilter, lang: string) =>
    `/api/reports/tables/${table}?format=${format}&lang=${encodeURIComponent(lang)}&${query(filter)}`,
  auditUrl: (filter: ReportFilter) => `/api/reports/audit-archive?from=${filter.from}&to=${filter.to}`,
}
