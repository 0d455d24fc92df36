import { http } from '@/api/http'
import type { Announcement, NewOutage, Outage } from './types'

export const powerApi = {
  announcements: () => http.get<Announcement[]>('/api/power/announcements'),
  announce: (body: { text: string; language?: string; site?: string; clientId: string }) => http.post<Announcement>('/api/power/announcements', body),
  outages: () => http.get<Outage[]>('/api/power/outages'),
  outage: (id: string) => http.get<Outage>(`/api/power/outages/${encodeURIComponent(id)}`),
  plan: (body: NewOutage) => http.post<Outage>('/api/power/outages', body),
  cancel: (id: string) => http.post<Outage>(`/api/power/outages/${encodeURIComponent(id)}/cancel`, {}),
}
