import { http, request } from '@/api/http'
import type { Article, ArticleDraft, ArticleVersion } from './types'

export const knowledgeApi = {
  all: () => http.get<Article[]>('/api/knowledge/articles'),
  versions: (id: string) => http.get<ArticleVersion[]>(`/api/knowledge/articles/${encodeURIComponent(id)}/versions`),
  create: (draft: ArticleDraft) => http.post<Article>('/api/knowledge/articles', draft),
  update: (id: string, draft: ArticleDraft) => http.put<Article>(`/api/knowledge/articles/${encodeURIComponent(id)}`, draft),
  archive: (id: string) => request<void>(`/api/knowledge/articles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
}
