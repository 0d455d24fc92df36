import type { StoredEntry } from '@/api/entries'
import { isIncidentKind } from '@/api/kinds'
import { KEEP_ANSWERED_MS } from '@/offline/outbox'
import type { MyReport } from './types'

/** How far back "My reports" looks in what the sync loop pulled: as long as the outbox keeps answered rows. */
export const MY_REPORTS_WINDOW_MS = KEEP_ANSWERED_MS

/** A report of the person's that the server stored (filed on this or another device), as a sent row. */
export function pulledReport(entry: StoredEntry, incidentOf: ReadonlyMap<string, string>): MyReport | null {
  if (entry.kind !== 'report.filed') return null
  const { kind, seat, note } = entry.payload
  if (!isIncidentKind(kind)) return null
  const incident = entry.incident ?? incidentOf.get(entry.id)
  return {
    id: entry.id,
    kind: 'report.filed',
    payload: {
      kind,
      ...(typeof seat === 'string' && seat ? { seat } : {}),
      ...(typeof note === 'string' && note ? { note } : {}),
    },
    actor: entry.actor,
    recordedAt: entry.recordedAt,
    status: 'sent',
    seq: entry.seq,
    attempts: 0,
    ...(incident ? { incident } : {}),
  }
}

/**
 * "My reports": the outbox rows of this device, and the person's own reports the sync loop pulled
 * (a new phone sees what was reported on the old one) from the last week, one row per report id
 * (the outbox row wins: it knows about waiting and refused), newest first.
 */
export function mergeMyReports(
  outbox: readonly MyReport[],
  pulled: readonly StoredEntry[],
  actor: string | null,
  now: Date = new Date(),
): MyReport[] {
  const byId = new Map(outbox.map((row) => [row.id, row]))
  if (actor) {
    const since = now.getTime() - MY_REPORTS_WINDOW_MS
    // The server names the incident on the stored report; the opening entry names it too.
    const incidentOf = new Map<string, string>()
    for (const entry of pulled) {
      const report = entry.kind === 'incident.opened' ? entry.payload['report'] : undefined
      if (typeof report === 'string' && entry.incident) incidentOf.set(report, entry.incident)
    }
    for (const entry of pulled) {
      if (entry.actor !== actor || byId.has(entry.id) || !(Date.parse(entry.recordedAt) >= since)) continue
      const row = pulledReport(entry, incidentOf)
      if (row) byId.set(row.id, row)
    }
  }
  return [...byId.values()].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
}
