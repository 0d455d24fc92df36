import { http } from '@/api/http'
import type { AlarmZone, EvacuationSite, FireTriage, RollCall, ShiftRow } from './types'

const enc = encodeURIComponent

export const evacuationApi = {
  triage: (incident: string) => http.get<FireTriage>(`/api/incidents/${enc(incident)}/fire`),
  rollCall: (incident: string) => http.get<RollCall>(`/api/incidents/${enc(incident)}/rollcall`),
  rollCalls: (state: 'open' | 'all') => http.get<RollCall[]>(`/api/rollcalls?state=${state}`),
  zones: () => http.get<AlarmZone[]>('/api/alarm/zones'),
  sites: () => http.get<EvacuationSite[]>('/api/evacuation/sites'),
  onShift: (site: string) => http.get<ShiftRow[]>(`/api/roster?site=${enc(site)}`),
  drills: () => http.get<{ id: string; kind: string; state: string; startedAt: string; drill: boolean; participants?: string[] }[]>(
    '/api/incidents?state=all&drill=only',
  ),
  startDrill: (body: { clientId: string; kind: string; participants: string[]; note?: string }) =>
    http.post<{ reportId: string; incidentId: string; joined: boolean }>('/api/reports', { ...body, drill: true }),
}
