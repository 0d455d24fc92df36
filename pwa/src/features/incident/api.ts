import { http } from '@/api/http'
import type { Incident, IncidentDetail, IncidentLog, Verification } from './types'

const path = (id: string) => `/api/incidents/${encodeURIComponent(id)}`

export const incidentApi = {
  open: () => http.get<Incident[]>('/api/incidents?state=open'),
  get: (id: string) => http.get<IncidentDetail>(path(id)),
  log: (id: string) => http.get<IncidentLog>(`${path(id)}/log`),
  verify: (id: string) => http.get<Verification>(`${path(id)}/log/verify`),
}
