import type { CustomerCapturedPayload } from '@/api/entries'

/** Where a captured customer stands on the way into the CRM (docs/api.md). */
export type RecordState = 'captured' | 'backfilled' | 'rejected'
export type CaptureSource = 'panel' | 'paper'
export type CaptureCategory = 'billing' | 'fault' | 'account' | 'order' | 'complaint' | 'inquiry' | 'other'

/** The same fixed list as the server's (CaptureRules.CATEGORIES). */
export const CATEGORIES: readonly CaptureCategory[] = ['billing', 'fault', 'account', 'order', 'complaint', 'inquiry', 'other']

/** The payload of a `customer.captured` entry (docs/sync-protocol.md). */
export type CapturedPayload = CustomerCapturedPayload

/** What the form holds while a person types (all text, so that every field is a plain input). */
export interface CaptureDraft {
  name: string
  phone: string
  accountId: string
  matter: string
  category: CaptureCategory | ''
  callbackPromised: boolean
  /** `YYYY-MM-DDTHH:mm` in the device's time zone (a datetime-local input). */
  callbackDueAt: string
  paperFormNo: string
}

export type DraftField = keyof CaptureDraft

/** Why a field is not acceptable: an i18n key under `capture.error` and its arguments. */
export interface FieldError {
  field: DraftField
  key: string
  args?: Record<string, string | number>
}

/** A record as the server lists it; `phone` is masked when `masked`. */
export interface CapturedRecord {
  id: string
  incidentId?: string | null
  name: string
  phone: string
  masked: boolean
  accountId?: string | null
  matter: string
  category: CaptureCategory
  callbackPromised: boolean
  callbackDueAt?: string | null
  source: CaptureSource
  paperFormNo?: string | null
  state: RecordState
  capturedBy: string
  capturedAt: string
  recordedAt: string
  crmReference?: string | null
  backfilledBy?: string | null
  backfilledAt?: string | null
  rejectReason?: string | null
  rejectedBy?: string | null
  rejectedAt?: string | null
  seq: number
}

export interface CaptureCounts {
  incidentId?: string | null
  captured: number
  backfilled: number
  outstanding: number
  rejected: number
}

export interface RecordView {
  recordId: string
  viewer: string
  viewedAt: string
  what: 'record' | 'export'
}

export interface CaptureSettings {
  webhookUrl?: string | null
  webhookSecretSet: boolean
  retentionDays: number
  updatedBy?: string | null
  updatedAt?: string | null
}

/** One row of an import of CRM references. */
export interface ImportRow {
  row: number
  recordId?: string | null
  status: 'backfilled' | 'rejected' | 'duplicate' | 'error'
  message?: string | null
}

export interface ImportResult {
  rows: ImportRow[]
  backfilled: number
  rejected: number
  errors: number
}
