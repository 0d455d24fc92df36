import { http } from '@/api/http'
import type { DiversionMessage, JournalAnswer, QueueStatus, StaffMove, StaffProposal, StaffShift, Surge } from './types'

export const trafficApi = {
  status: (hours: number) => http.get<QueueStatus[]>(`/api/traffic/status?hours=${hours}`),
  surges: (from: string) => http.get<Surge[]>(`/api/traffic/surges?from=${encodeURIComponent(from)}`),
  openIncident: (surge: string) => http.post<Surge>(`/api/traffic/surges/${encodeURIComponent(surge)}/incident`, {}),
  simulateSurge: (queue: string | null, size: number, minutes: number) =>
    http.post<{ queues: string[] }>('/api/traffic/simulator/surge', { queue, size, minutes }),
  library: () => http.get<DiversionMessage[]>('/api/diversion/messages'),
  proposal: (queue: string) => http.get<StaffProposal>(`/api/traffic/staff/proposal?queue=${encodeURIComponent(queue)}`),
  moves: () => http.get<StaffMove[]>('/api/traffic/staff/moves'),
  move: (incident: string, queue: string, usernames: string[]) =>
    http.post<JournalAnswer[]>('/api/traffic/staff/moves', { incident, queue, usernames }),
  sendBack: (usernames: string[]) => http.post<JournalAnswer[]>('/api/traffic/staff/return', { usernames }),
  onShift: () => http.get<StaffShift[]>('/api/roster'),
}
