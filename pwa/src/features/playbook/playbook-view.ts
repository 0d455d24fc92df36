import { can, isFor } from '@/features/auth/roles'
import { ROLES, type Role, type User } from '@/features/auth/types'
import type { OutboxRow } from '@/offline/db'
import type { CallView, Compliance, IncidentPlaybook, LevelView, PlaybookProblem, StepView } from './types'

/** The rows of the outbox about one incident that bear on its playbook, oldest first (refused ones never count). */
function marks(rows: readonly OutboxRow[], incident: string): OutboxRow[] {
  return rows
    .filter((r) => r.incident === incident && r.status !== 'refused')
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
}

/**
 * The checklist as shown. A mark still waiting shows as waiting; a mark the server has stored but the
 * playbook on screen predates shows as the server will show it (a done step stays done, a skip never
 * overrides a done one).
 */
export function stepViews(playbook: IncidentPlaybook, rows: readonly OutboxRow[], user: User | null): StepView[] {
  const mine = marks(rows, playbook.incidentId)
  return playbook.steps.map((step) => {
    const view: StepView = {
      step,
      state: step.state,
      waiting: null,
      by: step.by,
      at: step.at,
      reason: step.reason,
      canWork: isFor(user, [`role:${step.role}`]),
    }
    for (const row of mine) {
      if (row.kind !== 'step.done' && row.kind !== 'step.skipped') continue
      if (row.payload.step !== step.id) continue
      if (row.status === 'waiting') {
        if (view.state === 'done') continue
        view.waiting = row.kind === 'step.done' ? 'done' : 'skipped'
        continue
      }
      if (row.kind === 'step.done' && view.state !== 'done') {
        Object.assign(view, { state: 'done', by: row.actor, at: row.recordedAt, reason: undefined })
      } else if (row.kind === 'step.skipped' && (view.state === 'open' || view.state === 'overdue')) {
        Object.assign(view, { state: 'skipped', by: row.actor, at: row.recordedAt, reason: row.payload.reason })
      }
    }
    if (view.waiting) view.state = 'waiting'
    return view
  })
}

/** The call tree as shown: the latest mark of each party counts, the device's own until the server has it. */
export function callViews(playbook: IncidentPlaybook, rows: readonly OutboxRow[]): CallView[] {
  const mine = marks(rows, playbook.incidentId)
  return playbook.callTree.map((party) => {
    const view: CallView = { party, state: party.state, waiting: null, by: party.by, at: party.at, note: party.note }
    for (const row of mine) {
      if (row.kind !== 'call.reached' && row.kind !== 'call.unreached') continue
      if (row.payload.contact !== party.target) continue
      // Marks the server has and the copy on screen already shows are older than it; only newer ones change it.
      if (party.at && row.status === 'sent' && row.recordedAt <= party.at) continue
      const outcome = row.kind === 'call.reached' ? 'reached' : 'unreached'
      if (row.status === 'waiting') view.waiting = outcome
      else Object.assign(view, { state: outcome, waiting: null, by: row.actor, at: row.recordedAt, note: row.payload.note })
    }
    if (view.waiting) view.state = 'waiting'
    return view
  })
}

/** Every level of every timer, in order, and whether this person may acknowledge it. */
export function levelViews(playbook: IncidentPlaybook, rows: readonly OutboxRow[], user: User | null): LevelView[] {
  const mine = marks(rows, playbook.incidentId)
  return playbook.timers.flatMap((timer) =>
    timer.levels.map((level) => {
      const acked = mine.filter((r) => r.kind === 'escalation.acknowledged' && r.payload.firing === level.firing)
      const waiting = level.state === 'fired' && acked.some((r) => r.status === 'waiting')
      const sent = level.state === 'fired' && acked.some((r) => r.status === 'sent')
      return {
        timer,
        level,
        state: waiting ? 'waiting' : sent ? 'acknowledged' : level.state,
        canAcknowledge: level.state === 'fired' && !!level.firing && !waiting && !sent && isFor(user, level.audience),
      }
    }),
  )
}

export const canMarkCalls = (user: User | null): boolean => can(user, 'calls')
export const canSeeDeliveries = (user: User | null): boolean => can(user, 'deliveries')

/** Reads the line a server message names ("Line 11: …", "第 3 行…", "第 3 行…"). */
export function problemLine(message: string): number | null {
  const match = /^\s*(?:Line\s+(\d+)|第\s*(\d+)\s*行)/i.exec(message)
  const found = match?.[1] ?? match?.[2]
  return found ? Number(found) : null
}

export function toProblems(errors: readonly { field: string; message: string }[]): PlaybookProblem[] {
  return errors
    .map((e) => ({ field: e.field, message: e.message, line: problemLine(e.message) }))
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity))
}

/** A party as a person reads it: a role by its name, a user or contact by its id. */
export function partyLabel(party: string, t: (key: string) => string): string {
  const [type, ...rest] = party.split(':')
  const name = rest.join(':')
  if (type === 'role' && ROLES.includes(name as Role)) return t(`roles.${name}`)
  return name || party
}

/** Each step and timer with how it kept to the specification, in the playbook's order. */
export interface ComplianceRow {
  id: string
  clause: string
  what: 'step' | 'timer'
  /** A step's text; a timer's first audience (parties). */
  label: string
  audience: string[]
  compliance: Compliance
}

export function complianceRows(playbook: IncidentPlaybook): ComplianceRow[] {
  return [
    ...playbook.steps.map((s) => ({ id: s.id, clause: s.clause, what: 'step' as const, label: s.text, audience: [], compliance: s.compliance })),
    ...playbook.timers.map((tm) => ({
      id: tm.id,
      clause: tm.clause,
      what: 'timer' as const,
      label: tm.id,
      audience: tm.levels[0]?.audience ?? [],
      compliance: tm.compliance,
    })),
  ]
}

/** Where line `line` (from 1) of a text starts and ends, to select it in the editor. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start)
    if (next < 0) return [text.length, text.length]
    start = next + 1
  }
  const end = text.indexOf('\n', start)
  return [start, end < 0 ? text.length : end]
}
