import { http, request } from '@/api/http'
import type { ImportResult, NewShift, Shift } from './types'

export const rosterApi = {
  onShift: (site: string) => http.get<Shift[]>(`/api/roster${site ? `?site=${encodeURIComponent(site)}` : ''}`),
  sites: () => http.get<string[]>('/api/roster/sites'),
  add: (shift: NewShift) => http.post<Shift>('/api/roster/shifts', shift),
  remove: (id: string) => request<void>(`/api/roster/shifts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  importCsv: (csv: string) => request<ImportResult>('/api/roster/import', { method: 'POST', text: { value: csv, type: 'text/csv' } }),
}
