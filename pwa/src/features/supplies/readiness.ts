import type { OutboxRow } from '@/offline/db'
import type { Readiness } from './types'

/** The sites' readiness with this device's waiting counts applied (a count taken offline shows at once). */
export function withLocalCounts(sites: readonly Readiness[], rows: readonly OutboxRow[]): (Readiness & { pending: string[] })[] {
  const waiting = new Map<string, number>()
  for (const r of [...rows].reverse()) {
    if (r.kind === 'supplies.counted' && r.status === 'waiting') waiting.set(`${r.payload.site}/${r.payload.kind}`, r.payload.quantity)
  }
  return sites.map((site) => {
    const pending: string[] = []
    const items = site.items.map((item) => {
      const quantity = waiting.get(`${site.site}/${item.kind}`)
      if (quantity === undefined) return item
      pending.push(item.kind)
      return { ...item, quantity, missing: Math.max(0, item.required - quantity) }
    })
    return { ...site, items, ready: items.every((i) => i.missing === 0), pending }
  })
}
