import type { OutboxRow } from '@/offline/db'
import type { IncidentPlaybook } from '../types'

export const INCIDENT = 'inc-power'

/** A power outage's playbook as the server answers it, a few minutes in. */
export function powerPlaybook(): IncidentPlaybook {
  return {
    incidentId: INCIDENT,
    kind: 'power',
    playbookVersion: 1,
    startedAt: '2026-11-29T08:00:00Z',
    steps: [
      { id: 'call-relevant-people', clause: 'S3.1', role: 'manager', text: 'Telephone the relevant people', state: 'open', dueAt: '2026-11-29T08:05:00Z', compliance: 'pending' },
      { id: 'help-repair', clause: 'S3.2', role: 'maintenance', text: 'Help with the repair', state: 'overdue', dueAt: '2026-11-29T08:01:00Z', compliance: 'pending' },
      { id: 'keep-staff-calm', clause: 'S3.2', role: 'supervisor', text: 'Keep staff calm', state: 'done', by: 'lead1', at: '2026-11-29T08:02:00Z', compliance: 'onTime' },
    ],
    timers: [
      {
        id: 'report-leadership',
        clause: 'S3.2',
        unless: 'resolved',
        compliance: 'pending',
        levels: [
          { level: 1, state: 'fired', dueAt: '2026-11-29T08:30:00Z', audience: ['role:leadership'], ackWithin: 'PT10M', firing: 'fire-1', firedAt: '2026-11-29T08:30:00Z' },
          { level: 2, state: 'pending', dueAt: '2026-11-29T08:40:00Z', audience: ['role:leadership', 'role:admin'] },
        ],
      },
    ],
    callTree: [
      { target: 'contact:facilities', name: 'Facilities', phone: '021-5555-0400', tel: 'tel:02155550400', state: 'open' },
      { target: 'contact:property', name: 'Property management', phone: '021-5555-0100', tel: 'tel:02155550100', state: 'unreached', by: 'manager', at: '2026-11-29T08:03:00Z' },
    ],
    compliance: { onTime: 1, late: 0, missed: 0, skipped: 0, pending: 3, notNeeded: 0 },
  }
}

let n = 0
export function row(partial: Pick<OutboxRow, 'kind' | 'payload'> & Partial<OutboxRow>): OutboxRow {
  n++
  return {
    id: `row-${n}`,
    incident: INCIDENT,
    recordedAt: `2026-11-29T08:1${n % 10}:00Z`,
    actor: 'manager',
    status: 'waiting',
    attempts: 0,
    ...partial,
  } as OutboxRow
}
