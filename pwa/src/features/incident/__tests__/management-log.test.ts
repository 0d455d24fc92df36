import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n, setLocale } from '@/app/i18n'
import { installVant } from '@/app/vant'
import ManagementLog from '../components/ManagementLog.vue'
import { toLogLines } from '../log-lines'
import type { DeviceLogLine, LogEntry } from '../types'

function stored(seq: number, type: string, text: string): LogEntry {
  return {
    seq,
    id: `entry-${seq}`,
    at: '2026-11-29T08:15:00Z',
    recordedAt: '2026-11-29T08:15:00Z',
    actor: 'manager',
    type,
    text,
    hash: `h${seq}`,
    prevHash: `h${seq - 1}`,
  }
}

// The journal numbers entries across all incidents: this incident's entries skip 5–8 (another incident's).
const LOG = [
  stored(9, 'incident.acknowledged', 'manager acknowledged the incident.'),
  stored(1, 'incident.opened', 'Incident opened'),
  stored(2, 'report.filed', 'agent1 reported'),
  stored(13, 'note.added', 'manager noted: vendor called'),
  stored(4, 'report.filed', 'agent3 reported'),
]

const waitingNote: DeviceLogLine = {
  source: 'device',
  id: 'local-1',
  kind: 'note.added',
  recordedAt: '2026-11-29T08:20:00Z',
  actor: 'manager',
  status: 'waiting',
}

beforeEach(() => setLocale('en', false))
afterEach(() => setLocale('zh-CN', false))

describe('the management log', () => {
  it('numbers the incident’s stored entries 1, 2, 3… in seq order, whatever seqs the journal gave them', () => {
    const lines = toLogLines(LOG, [])
    expect(lines.map((l) => (l.source === 'server' ? [l.line, l.entry.seq] : null))).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 9],
      [5, 13],
    ])
  })

  it('puts what this device still has to send after the stored entries, unnumbered, and drops it once stored', () => {
    const lines = toLogLines(LOG, [waitingNote])
    expect(lines.at(-1)).toEqual(waitingNote)
    const storedNote = { ...stored(14, 'note.added', 'manager noted'), id: 'local-1' }
    const after = toLogLines([...LOG, storedNote], [waitingNote])
    expect(after.filter((l) => l.source === 'device')).toEqual([])
    expect(after.at(-1)).toMatchObject({ source: 'server', line: 6, entry: { seq: 14 } })
  })

  it('shows the line number first and the journal seq as secondary text, keeping data-seq on the row', () => {
    const wrapper = mount(ManagementLog, {
      props: {
        incident: { kind: 'system', startedAt: '2026-11-29T08:15:00Z' },
        lines: toLogLines(LOG, [waitingNote]),
        verifyState: 'verified',
        verification: { valid: true, entries: 5 },
        cached: false,
      },
      global: { plugins: [i18n, { install: installVant }] },
    })
    const rows = wrapper.findAll('[data-testid="log-entry"]')
    expect(rows).toHaveLength(6)
    const fifth = rows[4]
    expect(fifth?.attributes('data-seq')).toBe('13')
    expect(fifth?.get('[data-testid="log-line-number"]').text()).toBe('5')
    expect(fifth?.text()).toContain('seq 13')
    expect(fifth?.text()).not.toContain('#13')
    expect(rows.slice(0, 5).map((r) => r.get('[data-testid="log-line-number"]').text())).toEqual(['1', '2', '3', '4', '5'])
    expect(rows[5]?.attributes('data-status')).toBe('waiting')
    expect(rows[5]?.find('[data-testid="log-line-number"]').exists()).toBe(false)
  })

  it('names the incident it belongs to: its kind and when it started', () => {
    const wrapper = mount(ManagementLog, {
      props: {
        incident: { kind: 'power', startedAt: '2026-11-29T08:15:00Z' },
        lines: [],
        verifyState: 'unknown',
        verification: null,
        cached: false,
      },
      global: { plugins: [i18n, { install: installVant }] },
    })
    const header = wrapper.get('[data-testid="log-incident"]')
    expect(header.attributes('data-kind')).toBe('power')
    expect(header.text()).toBe('Power outage, started Nov 29, 16:15:00')
  })
})
