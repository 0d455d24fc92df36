import { http, request } from '@/api/http'
import type { OutboundTask, Plan, PlanImport, Reallocation } from './types'

export const outboundApi = {
  mine: () => http.get<OutboundTask[]>('/api/outbound/mine'),
  plan: (day?: string) => http.get<Plan>(`/api/outbound/plan${day ? `?day=${encodeURIComponent(day)}` : ''}`),
  importPlan: (csv: string) =>
    request<PlanImport>('/api/outbound/plan/import', { method: 'POST', text: { value: csv, type: 'text/csv' } }),
  proposal: () => http.get<Reallocation>('/api/outbound/reallocation'),
  apply: (basis: string, incident?: string) =>
    http.post<{ moved: number; entries: number }>('/api/outbound/reallocation', { basis, ...(incident ? { incident } : {}) }),
}
