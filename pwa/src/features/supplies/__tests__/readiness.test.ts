import { describe, expect, it } from 'vitest'
import type { OutboxRow } from '@/offline/db'
import { withLocalCounts } from '../readiness'
import type { Readiness } from '../types'

const site: Readiness = {
  site: 'hq',
  seats: 45,
  ready: true,
  items: [
    { kind: 'fan', quantity: 5, required: 5, missing: 0, perSeats: 10, atLeast: 1 },
    { kind: 'torch', quantity: 4, required: 4, missing: 0, atLeast: 4 },
  ],
}

const count = (kind: string, quantity: number, status: OutboxRow['status'] = 'waiting'): OutboxRow => ({
  id: `${kind}-${quantity}`,
  kind: 'supplies.counted',
  payload: { site: 'hq', kind, quantity },
  actor: 'lead1',
  recordedAt: '2026-11-29T08:00:00Z',
  status,
  attempts: 0,
})

describe('supplies readiness on a device', () => {
  it('a count taken offline shows at once and can make the site not ready', () => {
    const [shown] = withLocalCounts([site], [count('fan', 3)])
    expect(shown?.ready).toBe(false)
    expect(shown?.pending).toEqual(['fan'])
    expect(shown?.items[0]).toMatchObject({ quantity: 3, missing: 2 })
  })

  it('counts already sent are the server copy and change nothing here', () => {
    const [shown] = withLocalCounts([site], [count('fan', 1, 'sent')])
    expect(shown?.ready).toBe(true)
    expect(shown?.pending).toEqual([])
  })
})
