import type { IncidentKind } from '@/api/kinds'

export interface ProcedureSection {
  number: number
  kind: IncidentKind
  title: string
  paragraphs: string[]
}

/** GET /api/procedures?lang=… : the specification, one section per incident kind. */
export interface ProcedureDocument {
  lang: string
  version: string
  title: string
  intro: string | string[]
  sections: ProcedureSection[]
}

/** Where the copy on screen came from: the server just now, the device's copy, or the one built into the app. */
export type ProcedureSource = 'server' | 'device' | 'bundled'
