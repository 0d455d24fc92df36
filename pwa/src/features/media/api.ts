import { http } from '@/api/http'
import type { Designation, HoldingLines, Inquiry, MediaLanguage, Statement, StatementAudience } from './types'

export const mediaApi = {
  holdingLines: (lang: MediaLanguage) => http.get<HoldingLines>(`/api/media/holding-lines?lang=${encodeURIComponent(lang)}`),
  register: () => http.get<Inquiry[]>('/api/media/inquiries'),
  statements: () => http.get<Statement[]>('/api/media/statements'),
  draft: (body: { statement?: string; incident?: string; audience: StatementAudience; text: Partial<Record<MediaLanguage, string>> }) =>
    http.post<Statement>('/api/media/statements', body),
  approve: (statement: string, version: number) =>
    http.post<Statement>(`/api/media/statements/${encodeURIComponent(statement)}/versions/${version}/approve`, {}),
  designations: () => http.get<Designation[]>('/api/media/spokespersons'),
  designate: (incident: string, username: string) => http.post<Designation>('/api/media/spokespersons', { incident, username }),
}
