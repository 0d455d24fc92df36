import { http } from '@/api/http'
import type { FloorMap, FloorPlan, Moved, OpenFault, Placement, Proposal, SeatHistory, SiteSummary } from './types'

const enc = encodeURIComponent

export const floorApi = {
  sites: () => http.get<SiteSummary[]>('/api/site/sites'),
  floor: (site: string, floor: string) => http.get<FloorMap>(`/api/site/floors/${enc(site)}/${enc(floor)}`),
  saveFloor: (site: string, floor: string, plan: FloorPlan) => http.put<FloorMap>(`/api/site/floors/${enc(site)}/${enc(floor)}`, plan),
  seat: (code: string) => http.get<SeatHistory>(`/api/site/seats/${enc(code)}`),
  me: () => http.get<Placement>('/api/site/me'),
  proposal: (username: string) => http.get<Proposal>(`/api/site/proposal?username=${enc(username)}`),
  move: (body: { username: string; seat?: string; work?: string; clientId: string }) => http.post<Moved>('/api/site/moves', body),
  faults: () => http.get<OpenFault[]>('/api/site/faults'),
}
