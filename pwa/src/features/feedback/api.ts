import { http } from '@/api/http'
import type { Live, ProblemFilter, SuspectedProblem } from './types'

export const feedbackApi = {
  live: () => http.get<Live>('/api/feedback/live?limit=12'),
  problems: (state: ProblemFilter) => http.get<SuspectedProblem[]>(`/api/feedback/problems?state=${encodeURIComponent(state)}`),
  confirm: (id: string, note: string) =>
    http.post<SuspectedProblem>(`/api/feedback/problems/${encodeURIComponent(id)}/confirm`, note ? { note } : {}),
  dismiss: (id: string, reason: string) =>
    http.post<SuspectedProblem>(`/api/feedback/problems/${encodeURIComponent(id)}/dismiss`, { reason }),
}
