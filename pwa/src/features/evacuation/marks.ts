import type { OutboxRow } from '@/offline/db'
import type { Counts, MarkStatus, PersonStatus, RollCall, RollCallPerson } from './types'

/** Statuses, lowest first: a mark only ever raises a person's status (the server's MarkPolicy). */
const ORDER: readonly PersonStatus[] = ['unknown', 'missing', 'absent', 'safe']

export function settle(current: PersonStatus, mark: MarkStatus): PersonStatus {
  return ORDER.indexOf(mark) > ORDER.indexOf(current) ? mark : current
}

export function accounted(status: PersonStatus): boolean {
  return status === 'safe' || status === 'absent'
}

/** A person as shown: the server's status raised by this device's marks not yet stored (`pending`). */
export interface PersonView extends RollCallPerson {
  pending: boolean
}

/** The roll call with this device's waiting marks applied, as the marshal's tablet shows it offline. */
export function withLocalMarks(rollCall: RollCall, rows: readonly OutboxRow[]): { people: PersonView[]; counts: Counts; waiting: number } {
  const byName = new Map<string, PersonView>(rollCall.people.map((p) => [p.username, { ...p, pending: false }]))
  let waiting = 0
  for (const row of rows) {
    if (row.kind !== 'rollcall.marked' || row.incident !== rollCall.incident || row.status !== 'waiting') continue
    waiting++
    const person = byName.get(row.payload.username)
    if (!person) continue
    const next = settle(person.status, row.payload.status)
    if (next !== person.status) byName.set(person.username, { ...person, status: next, pending: true, markedBy: row.actor })
  }
  const people = [...byName.values()]
  // a marshal holds everyone and counts here; anyone else holds their own line and the server's counts
  const full = rollCall.people.length >= rollCall.counts.total
  return { people, counts: full ? countsOf(people) : rollCall.counts, waiting }
}

export function countsOf(people: readonly RollCallPerson[]): Counts {
  const c: Counts = { total: people.length, safe: 0, absent: 0, missing: 0, unknown: 0, accounted: 0 }
  for (const p of people) c[p.status]++
  c.accounted = c.safe + c.absent
  return c
}

/** Not accounted for first (missing, then unknown), then by name. */
export function byUrgency(a: PersonView, b: PersonView): number {
  const rank = (s: PersonStatus) => (s === 'missing' ? 0 : s === 'unknown' ? 1 : 2)
  return rank(a.status) - rank(b.status) || a.displayName.localeCompare(b.displayName)
}
