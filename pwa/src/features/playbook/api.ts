import { http, request } from '@/api/http'
import type { IncidentKind } from '@/api/kinds'
import type { Delivery, IncidentPlaybook, PlaybookVersion } from './types'

const incident = (id: string) => `/api/incidents/${encodeURIComponent(id)}`
const playbook = (kind: IncidentKind) => `/api/playbooks/${encodeURIComponent(kind)}`

export const playbookApi = {
  ofIncident: (id: string) => http.get<IncidentPlaybook>(`${incident(id)}/playbook`),
  deliveries: (id: string) => http.get<Delivery[]>(`${incident(id)}/deliveries`),
  list: () => http.get<PlaybookVersion[]>('/api/playbooks'),
  versions: (kind: IncidentKind) => http.get<PlaybookVersion[]>(`${playbook(kind)}/versions`),
  yaml: (kind: IncidentKind, version?: number) =>
    request<string>(`${playbook(kind)}${version ? `?version=${version}` : ''}`, { as: 'text' }),
  save: (kind: IncidentKind, yaml: string) =>
    request<PlaybookVersion>(playbook(kind), { method: 'PUT', text: { value: yaml, type: 'text/yaml' } }),
}
