import { http } from '@/api/http'
import type { ProcedureDocument } from './types'

export const procedureApi = {
  get: (lang: string) => http.get<ProcedureDocument>(`/api/procedures?lang=${encodeURIComponent(lang)}`),
}
