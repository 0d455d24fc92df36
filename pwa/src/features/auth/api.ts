import { http } from '@/api/http'
import type { Credentials, User } from './types'

export const authApi = {
  login: (credentials: Credentials) => http.post<unknown>('/api/auth/login', credentials),
  me: () => http.get<User>('/api/auth/me'),
  logout: () => http.post<unknown>('/api/auth/logout'),
}
