import { http } from '@/api/http'
import type { AlarmZone, EvacuationSite, SiteBody, ZoneBody, FireTriage, RollCall, ShiftRow } from './types'

const enc = encodeURIComponent

export const evacuationApi = {
  triage: (incident: string) => http.get<FireTriage>(`/api/incidents/${enc(incident)}/fire`),
  rollCall: (incident: string) => http.get<RollCall>(`/api/incidents/${enc(incident)}/rollcall`),
  rollCalls: (state: 'open' | 'all') => http.get<RollCall[]>(`/api/rollcalls?state=${state}`),
  zones: (site?: string) => http.get<AlarmZone[]>(site ? `/api/alarm/zones?site=${enc(site)}` : '/api/alarm/zones'),
  /** Admin: adds the zone, or renames it (a new one starts normal). */
  saveZone: (site: string, code: string, body: ZoneBody) => http.put<AlarmZone>(`/api/alarm/zones/${enc(site)}/${enc(code)}`, body),
  sites: () => http.get<EvacuationSite[]>('/api/evacuation/sites'),
  /** Admin: adds the site, or changes its name, assembly point and procedure. */
  saveSite: (code: string, body: SiteBody) => http.put<EvacuationSite>(`/api/evacuation/sites/${enc(code)}`, body),
  onShift: (site: string) => http.get<ShiftRow[]>(`/api/roster?site=${enc(site)}`),
  drills: () => http.get<{ id: string; kind: string; state: string; startedAt: string; drill: boolean; participants?: string[] }[]>(
    '/api/incidents?state=all&drill=only',
  ),
  startDrill: (body: { clientId: string; kind: string; participants: string[]; note?: string }) =>
    http.post<{ reportId: string; incidentId: string; joined: boolean }>('/api/reports', { ...body, drill: true }),
}
