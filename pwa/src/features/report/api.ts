import { http } from '@/api/http'
import type { Seat } from './types'

export const reportApi = {
  seats: () => http.get<Seat[]>('/api/site/seats'),
}
