import type { OutboundOutcome } from '@/api/entries'
import { useWorkedList } from '@/composables/use-worked-list'
import { useOutboxStore } from '@/offline/store'
import { outboundApi } from '../api'
import type { OutboundTask } from '../types'
import { byImportance, worked } from '../work'

/**
 * "My outbound calls" (S7.3): the list from the server (the device's copy when offline), with the calls recorded here
 * and not yet sent counted in. Each call is an `outbound.attempted` entry in the outbox.
 */
export function useMyOutbound() {
  const outbox = useOutboxStore()
  const list = useWorkedList({ key: 'outbound:mine', fetch: () => outboundApi.mine(), kind: 'outbound.attempted', work: worked, order: byImportance })

  async function attempt(task: OutboundTask, outcome: OutboundOutcome, note: string): Promise<void> {
    const trimmed = note.trim()
    await outbox.record('outbound.attempted', { taskId: task.id, outcome, ...(trimmed ? { note: trimmed } : {}) })
  }

  return { ...list, attempt }
}
