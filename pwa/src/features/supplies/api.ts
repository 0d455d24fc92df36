import { http } from '@/api/http'
import type { Readiness } from './types'

export const suppliesApi = {
  all: () => http.get<Readiness[]>('/api/supplies'),
}
