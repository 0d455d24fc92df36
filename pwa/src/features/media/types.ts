/** Where an inquiry of the media register stands (docs/api.md). */
export type InquiryState = 'new' | 'with_manager' | 'referred' | 'answered' | 'declined'
export type InquiryAction = 'acknowledge' | 'refer' | 'answer' | 'decline'
export type MediaLanguage = 'zh-CN' | 'en' | 'zh-TW'
export type StatementAudience = 'internal' | 'public'
export type StatementState = 'draft' | 'reviewed' | 'approved'

export const MEDIA_LANGUAGES: readonly MediaLanguage[] = ['zh-CN', 'en', 'zh-TW']

export interface Inquiry {
  id: string
  incident?: string | null
  outlet: string
  name: string
  position: string
  subject: string
  contact: string
  deadline?: string | null
  language?: MediaLanguage | null
  reminderShown: boolean
  state: InquiryState
  filedBy: string
  filedAt: string
  ackDueAt: string
  escalatedAt?: string | null
  acknowledgedBy?: string | null
  acknowledgedAt?: string | null
  referredTo?: string | null
  closedBy?: string | null
  closedAt?: string | null
  note?: string | null
}

export interface HoldingLine {
  statement: string
  version: number
  incident?: string | null
  text: string
  approvedAt: string
}

export interface HoldingLines {
  lang: MediaLanguage
  reply: string
  reminder: string
  lines: HoldingLine[]
}

export interface StatementVersion {
  version: number
  audience: StatementAudience
  text: Partial<Record<MediaLanguage, string>>
  state: StatementState
  draftedBy: string
  draftedAt: string
  approvedBy?: string | null
  approvedAt?: string | null
}

export interface Statement {
  id: string
  incident?: string | null
  audience: StatementAudience
  state: StatementState
  approvedVersion?: number | null
  versions: StatementVersion[]
}

export interface Designation {
  id: string
  incident: string
  username: string
  previous?: string | null
  designatedBy: string
  designatedAt: string
  current: boolean
}

/** The form an agent fills in while the journalist is on the line. */
export interface InquiryDraft {
  outlet: string
  name: string
  position: string
  subject: string
  contact: string
  deadline: string
}

export type PanelState = 'editing' | 'waiting' | 'sent' | 'refused'
