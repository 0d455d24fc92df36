import { http } from '@/api/http'
import type { DiversionMessage, QueueStatus, Surge } from './types'

export const trafficApi = {
  status: (hours: number) => http.get<QueueStatus[]>(`/api/traffic/status?hours=${hours}`),
  surges: (from: string) => http.get<Surge[]>(`/api/traffic/surges?from=${encodeURIComponent(from)}`),
  openIncident: (surge: string) => http.post<Surge>(`/api/traffic/surges/${encodeURIComponent(surge)}/incident`, {}),
  simulateSurge: (queue: string | null, size: number, minutes: number) =>
    http.post<{ queues: string[] }>('/api/traffic/simulator/surge', { queue, size, minutes }),
  library: () => http.get<DiversionMessage[]>('/api/diversion/messages'),
  activate: (message: string, incident: string) =>
    http.post<unknown>(`/api/diversion/messages/${encodeURIComponent(message)}/activate`, { incident }),
  deactivate: (message: string) => http.post<unknown>(`/api/diversion/messages/${encodeURIComponent(message)}/deactivate`, {}),
}
