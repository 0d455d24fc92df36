import { describe, expect, it } from 'vitest'
import type { StoredEntry } from '@/api/entries'
import { mergeMyReports } from '../my-reports'
import type { MyReport } from '../types'

const NOW = new Date('2026-11-29T08:15:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3600 * 1000).toISOString()

function filed(seq: number, id: string, actor: string, recordedAt: string, incident: string | null, payload: Record<string, unknown>): StoredEntry {
  return { seq, id, kind: 'report.filed', incident, actor, device: 'pwa-old-phone', recordedAt, receivedAt: recordedAt, payload }
}

function opened(seq: number, incident: string, report: string): StoredEntry {
  return {
    seq,
    id: `opened-${report}`,
    kind: 'incident.opened',
    incident,
    actor: 'system',
    device: 'server',
    recordedAt: daysAgo(1),
    receivedAt: daysAgo(1),
    payload: { kind: 'system', scope: 'center', severity: 'high', report },
  }
}

function waiting(id: string, recordedAt: string): MyReport {
  return { id, kind: 'report.filed', payload: { kind: 'power' }, actor: 'agent1', recordedAt, status: 'waiting', attempts: 0 }
}

describe('"My reports" on a new phone', () => {
  it('lists the person’s own reports the sync loop pulled, from the last 7 days, as sent, with their incident', () => {
    const pulled = [
      filed(3, 'r-old', 'agent1', daysAgo(8), 'inc-0', { kind: 'power' }),
      filed(7, 'r-1', 'agent1', daysAgo(2), 'inc-1', { kind: 'system', seat: 'A-01', note: 'CRM will not load' }),
      filed(8, 'r-other', 'agent2', daysAgo(1), 'inc-1', { kind: 'system' }),
      filed(12, 'r-2', 'agent1', daysAgo(1), null, { kind: 'aircon' }),
      opened(11, 'inc-2', 'r-2'),
    ]
    const rows = mergeMyReports([], pulled, 'agent1', NOW)
    expect(rows.map((r) => r.id)).toEqual(['r-2', 'r-1'])
    expect(rows[1]).toEqual({
      id: 'r-1',
      kind: 'report.filed',
      payload: { kind: 'system', seat: 'A-01', note: 'CRM will not load' },
      actor: 'agent1',
      recordedAt: daysAgo(2),
      status: 'sent',
      seq: 7,
      attempts: 0,
      incident: 'inc-1',
    })
    // The opening entry names the incident when the stored report does not.
    expect(rows[0]).toMatchObject({ id: 'r-2', status: 'sent', incident: 'inc-2', payload: { kind: 'aircon' } })
  })

  it('keeps one row per report: the outbox row of this device wins over the pulled copy', () => {
    const mine: MyReport = { ...waiting('r-1', daysAgo(2)), status: 'refused', reason: 'unknown seat' }
    const rows = mergeMyReports([mine, waiting('r-3', daysAgo(0))], [filed(7, 'r-1', 'agent1', daysAgo(2), 'inc-1', { kind: 'system' })], 'agent1', NOW)
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['r-3', 'waiting'],
      ['r-1', 'refused'],
    ])
  })

  it('shows nothing pulled when nobody is signed in, and skips entries it cannot read', () => {
    const pulled = [filed(7, 'r-1', 'agent1', daysAgo(1), 'inc-1', { kind: 'system' }), filed(9, 'r-bad', 'agent1', daysAgo(1), null, { kind: 'volcano' })]
    expect(mergeMyReports([], pulled, null, NOW)).toEqual([])
    expect(mergeMyReports([], pulled, 'agent1', NOW).map((r) => r.id)).toEqual(['r-1'])
  })
})
