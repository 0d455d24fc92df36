import { http, request } from '@/api/http'
import type { CaptureCounts, CapturedRecord, CaptureSettings, ImportResult, RecordState, RecordView } from './types'

const q = (params: Record<string, string | number | undefined>): string => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const captureApi = {
  records: (incident?: string, state?: RecordState, limit?: number) =>
    http.get<CapturedRecord[]>(`/api/capture/records${q({ incident, state, limit })}`),
  record: (id: string) => http.get<CapturedRecord>(`/api/capture/records/${encodeURIComponent(id)}`),
  counts: (incident?: string) => http.get<CaptureCounts>(`/api/capture/counts${q({ incident })}`),
  outstanding: (incident?: string) => http.get<CapturedRecord[]>(`/api/capture/outstanding${q({ incident })}`),
  backfill: (id: string, crmReference: string, clientId: string) =>
    http.post<unknown>(`/api/capture/records/${encodeURIComponent(id)}/backfill`, { crmReference, clientId }),
  reject: (id: string, reason: string, clientId: string) =>
    http.post<unknown>(`/api/capture/records/${encodeURIComponent(id)}/reject`, { reason, clientId }),
  importReferences: (csv: string) =>
    request<ImportResult>('/api/capture/import', { method: 'POST', text: { value: csv, type: 'text/csv' } }),
  settings: () => http.get<CaptureSettings>('/api/capture/settings'),
  saveSettings: (body: { webhookUrl: string | null; webhookSecret?: string; retentionDays: number }) =>
    http.put<CaptureSettings>('/api/capture/settings', body),
  views: () => http.get<RecordView[]>('/api/capture/views'),
  purge: () => http.post<{ purged: number }>('/api/capture/purge', {}),
  purges: () => http.get<{ id: string; purgedAt: string; cutoff: string; purged: number; purgedBy: string }[]>('/api/capture/purges'),
}

/** Where the exports and the paper form are downloaded from (plain links, the session cookie goes along). */
export const captureLinks = {
  csv: (incident?: string) => `/api/capture/outstanding.csv${q({ incident })}`,
  xlsx: (incident?: string) => `/api/capture/outstanding.xlsx${q({ incident })}`,
  paperForm: (lang: string) => `/api/capture/paper-form.pdf${q({ lang })}`,
}
