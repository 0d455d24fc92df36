import { http } from '@/api/http'
import type { CallbackCounts, CallbackTask } from './types'

const q = (incident?: string) => (incident ? `?incident=${encodeURIComponent(incident)}` : '')

export const callbackApi = {
  mine: () => http.get<CallbackTask[]>('/api/callbacks/mine'),
  all: (incident?: string) => http.get<CallbackTask[]>(`/api/callbacks${q(incident)}`),
  counts: (incident?: string) => http.get<CallbackCounts>(`/api/callbacks/counts${q(incident)}`),
  get: (id: string) => http.get<CallbackTask>(`/api/callbacks/${encodeURIComponent(id)}`),
}
