import { http } from '@/api/http'
import type { LeaveRequest, Mine, OnDuty } from './types'

export const presenceApi = {
  dutyList: () => http.get<OnDuty[]>('/api/presence'),
  requests: () => http.get<LeaveRequest[]>('/api/presence/requests'),
  mine: () => http.get<Mine>('/api/presence/me'),
  heartbeat: () => http.post<{ seenAt: string }>('/api/presence/heartbeat'),
}
