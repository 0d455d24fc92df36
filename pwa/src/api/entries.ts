import type { IncidentKind } from './kinds'

/** Entry kinds a device records (docs/sync-protocol.md); `incident.opened` is written by the server only. */
export type DeviceEntryKind =
  | 'report.filed'
  | 'note.added'
  | 'incident.acknowledged'
  | 'incident.resolved'
  | 'incident.triaged'
  | 'step.done'
  | 'step.skipped'
  | 'call.reached'
  | 'call.unreached'
  | 'escalation.acknowledged'
  | MediaEntryKind
  | FloorEntryKind
  | SafetyEntryKind
  | 'feedback.flag.raised'
  | 'customer.captured'
  | PresenceEntryKind
  | CallbackEntryKind
  | 'outbound.attempted'
  | DiversionEntryKind
export type EntryKind = DeviceEntryKind | 'incident.opened'

export interface ReportPayload {
  kind: IncidentKind
  seat?: string
  /** An equipment report may name the device at the seat (pc, monitor, headset, phone). */
  device?: string
  note?: string
}
export interface NotePayload {
  text: string
}
export type AcknowledgePayload = Record<string, never>
/** S2.2: the fault type (a short code such as crm, telephony, network) and the severity the manager judged. */
export interface TriagePayload {
  faultType: string
  severity: 'low' | 'medium' | 'high' | 'critical'
  note?: string
}
export interface ResolvePayload {
  recoveredAt?: string
}

export interface StepDonePayload {
  step: string
}
export interface StepSkippedPayload {
  step: string
  /** 1 to 500 characters. */
  reason: string
}
export interface CallPayload {
  /** A party of the call tree or of a step's call, such as `contact:property`. */
  contact: string
  note?: string
}
export interface EscalationAcknowledgedPayload {
  /** The id of the `escalation.fired` entry. */
  firing: string
}

export interface PayloadOf {
  'report.filed': ReportPayload
  'note.added': NotePayload
  'incident.acknowledged': AcknowledgePayload
  'incident.resolved': ResolvePayload
  'incident.triaged': TriagePayload
  'step.done': StepDonePayload
  'step.skipped': StepSkippedPayload
  'call.reached': CallPayload
  'call.unreached': CallPayload
  'escalation.acknowledged': EscalationAcknowledgedPayload
  'media.inquiry.filed': MediaInquiryPayload
  'media.inquiry.acknowledged': MediaActionPayload
  'media.inquiry.referred': MediaActionPayload
  'media.inquiry.answered': MediaActionPayload
  'media.inquiry.declined': MediaActionPayload
  'seat.moved': SeatMovedPayload
  'seat.taken': SeatTakenPayload
  'seat.left': Record<string, never>
  'equipment.fixed': EquipmentFixedPayload
  'announcement.posted': AnnouncementPayload
  'outage.item.done': OutageItemPayload
  'fire.triaged': FireTriagedPayload
  'rollcall.marked': RollCallMarkedPayload
  'rollcall.closed': RollCallClosedPayload
  'alarm.zone.set': AlarmZoneSetPayload
  'supplies.counted': SuppliesCountedPayload
  'feedback.flag.raised': FeedbackFlagPayload
  'customer.captured': CustomerCapturedPayload
  'presence.leave-requested': LeaveRequestedPayload
  'presence.leave-decided': LeaveDecidedPayload
  'presence.returned': PresenceReturnedPayload
  'presence.away': PresenceAwayPayload
  'callback.attempted': CallbackAttemptedPayload
  'callback.reassigned': CallbackReassignedPayload
  'outbound.attempted': OutboundAttemptedPayload
  'diversion.activated': DiversionSwitchPayload
  'diversion.deactivated': DiversionSwitchPayload
}

/** Diversion (S7.2): a manager switches an approved message on for an incident, or off again; features/traffic. */
export type DiversionEntryKind = 'diversion.activated' | 'diversion.deactivated'
export interface DiversionSwitchPayload {
  /** The id of the message in the library. */
  message: string
}

/** Presence (S2.4): asking to leave, the decision, coming back, away without leave; features/presence. */
export type PresenceEntryKind = 'presence.leave-requested' | 'presence.leave-decided' | 'presence.returned' | 'presence.away'
export interface LeaveRequestedPayload {
  /** 1 to 200 characters. */
  reason: string
  /** ISO-8601 instant, at most 12 hours ahead. */
  expectedBackAt: string
}
export interface LeaveDecidedPayload {
  /** The id of the `presence.leave-requested` entry. */
  request: string
  allowed: boolean
  note?: string
}
export type PresenceReturnedPayload = Record<string, never>
export interface PresenceAwayPayload {
  /** Someone else (managers and team leads only); absent: oneself. */
  username?: string
  note?: string
}

/** Callbacks (S2.6): an attempt to reach the customer, a task given to someone else; features/callback. */
export type CallbackEntryKind = 'callback.attempted' | 'callback.reassigned'
export type CallbackOutcome = 'reached' | 'no-answer' | 'busy' | 'wrong-number' | 'left-message'
export interface CallbackAttemptedPayload {
  taskId: string
  outcome: CallbackOutcome
  note?: string
}
export interface CallbackReassignedPayload {
  taskId: string
  to: string
}

/** Outbound (S7.3): an agent's call from the day's plan; features/outbound. */
export type OutboundOutcome = 'done' | 'no-answer' | 'busy' | 'call-later' | 'refused' | 'wrong-number'
export interface OutboundAttemptedPayload {
  taskId: string
  outcome: OutboundOutcome
  note?: string
}

/** The floor (S1.2, S1.3) and power (S3) entries a device records. */
export type FloorEntryKind = 'seat.moved' | 'seat.taken' | 'seat.left' | 'equipment.fixed' | 'announcement.posted' | 'outage.item.done'
export interface SeatMovedPayload {
  username: string
  seat?: string
  work?: string
}
export interface SeatTakenPayload {
  seat: string
}
export interface EquipmentFixedPayload {
  seat: string
  device?: string
  note?: string
}
export interface AnnouncementPayload {
  /** At most 280 characters. */
  text: string
  language?: 'zh-CN' | 'en' | 'zh-TW'
  site?: string
}
export interface OutageItemPayload {
  outage: string
  item: string
}

/** Evacuation and supplies entries (S4.2, S5.1 to S5.3): fire triage, roll-call marks, alarm zones, supply counts. */
export type SafetyEntryKind = 'fire.triaged' | 'rollcall.marked' | 'rollcall.closed' | 'alarm.zone.set' | 'supplies.counted'
export interface FireTriagedPayload {
  answer: 'fault' | 'test' | 'real'
  site?: string
  note?: string
}
export interface RollCallMarkedPayload {
  username: string
  status: 'safe' | 'absent' | 'missing'
  note?: string
}
export interface RollCallClosedPayload {
  reason?: string
}
export interface AlarmZoneSetPayload {
  site: string
  zone: string
  state: 'normal' | 'alarm' | 'fault' | 'isolated' | 'disabled' | 'test'
  note?: string
}
export interface SuppliesCountedPayload {
  site: string
  kind: string
  quantity: number
  note?: string
}

/** An agent's "many customers are saying this" (S6.1): what they say, and the reason code or product if known. */
export interface FeedbackFlagPayload {
  text: string
  reason?: string
  product?: string
}

/** A customer taken down by hand while the systems are down (S2.5); features/capture. */
export interface CustomerCapturedPayload {
  incidentId?: string
  name: string
  phone: string
  accountId?: string
  matter: string
  category: 'billing' | 'fault' | 'account' | 'order' | 'complaint' | 'inquiry' | 'other'
  callbackPromised: boolean
  /** ISO-8601 instant; required when a callback was promised. */
  callbackDueAt?: string
  source: 'panel' | 'paper'
  paperFormNo?: string
}

/** Media entries (S8.1 to S8.3): what a device records about a journalist's inquiry. */
export type MediaEntryKind =
  | 'media.inquiry.filed'
  | 'media.inquiry.acknowledged'
  | 'media.inquiry.referred'
  | 'media.inquiry.answered'
  | 'media.inquiry.declined'
export interface MediaInquiryPayload {
  outlet: string
  name: string
  position: string
  subject: string
  contact: string
  deadline?: string
  language?: 'zh-CN' | 'en' | 'zh-TW'
  /** The S8.2 reminder was on screen when it was sent; the server refuses anything else. */
  reminderShown: true
}
export interface MediaActionPayload {
  inquiry: string
  note?: string
}

/** What a device sends in a push. */
export interface Entry {
  id: string
  kind: DeviceEntryKind
  incident: string | null
  actor: string
  recordedAt: string
  payload: PayloadOf[DeviceEntryKind]
}

export type PushStatus = 'stored' | 'duplicate' | 'refused'

export interface PushResult {
  id: string
  status: PushStatus
  seq?: number
  reason?: string
}

export interface PushResponse {
  results: PushResult[]
}

/** What a pull returns: a stored entry, of any kind, with its sequence number. */
export interface StoredEntry {
  seq: number
  id: string
  kind: string
  incident: string | null
  actor: string
  device: string
  recordedAt: string
  receivedAt: string
  payload: Record<string, unknown>
}

export interface PullResponse {
  entries: StoredEntry[]
  next: number
  hasMore: boolean
}
