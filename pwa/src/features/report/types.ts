import type { IncidentKind } from '@/api/kinds'
import type { OutboxRow } from '@/offline/db'

/** GET /api/site/seats */
export interface Seat {
  code: string
  floor?: string
  zone?: string
}

export interface ReportDraft {
  kind: IncidentKind
  seat: string
  note: string
}

/** A report on this device, as the outbox keeps it. */
export type MyReport = Extract<OutboxRow, { kind: 'report.filed' }>

export type SheetState = 'closed' | 'editing' | 'sending'
