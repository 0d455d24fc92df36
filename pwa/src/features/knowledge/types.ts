/** The languages an article is written in; Traditional Chinese falls back to Simplified. */
export const KNOWLEDGE_LANGUAGES = ['zh-CN', 'en', 'zh-TW'] as const
export type KnowledgeLanguage = (typeof KNOWLEDGE_LANGUAGES)[number]

export type Texts = Partial<Record<KnowledgeLanguage, string>>

/** An article as GET /api/knowledge/articles returns it. */
export interface Article {
  id: string
  product: string
  tags: string[]
  title: Texts
  body: Texts
  version: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface ArticleDraft {
  product: string
  tags: string[]
  title: Texts
  body: Texts
  /** The version the edit started from; absent for a new article. */
  version?: number
}

export interface ArticleVersion {
  version: number
  savedBy: string
  savedAt: string
  title: Texts
  archived: boolean
}

export interface ArticleHit {
  article: Article
  title: string
  snippet: string
  score: number
}

/** Where the articles on screen came from: the server just now, or the device's copy. */
export type KnowledgeSource = 'server' | 'device'
