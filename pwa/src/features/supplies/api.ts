import { http } from '@/api/http'
import type { Readiness, RuleBody } from './types'

const enc = encodeURIComponent

export const suppliesApi = {
  all: () => http.get<Readiness[]>('/api/supplies'),
  readiness: (site: string) => http.get<Readiness>(`/api/supplies/${enc(site)}`),
  /** Admin: the site's size, which the proportional rules follow. */
  setSeats: (site: string, seats: number) => http.put<Readiness>(`/api/supplies/${enc(site)}/seats`, { seats }),
  /** Admin: at least `atLeast`, and one per `perSeats` seats when given. */
  setRule: (site: string, kind: string, body: RuleBody) => http.put<Readiness>(`/api/supplies/${enc(site)}/rules/${enc(kind)}`, body),
  removeRule: (site: string, kind: string) => http.delete<Readiness>(`/api/supplies/${enc(site)}/rules/${enc(kind)}`),
}
