import type { CallbackOutcome } from '@/api/entries'
import { useWorkedList } from '@/composables/use-worked-list'
import { useOutboxStore } from '@/offline/store'
import { callbackApi } from '../api'
import type { CallbackTask } from '../types'
import { byUrgency, worked } from '../work'

/**
 * "My callbacks" (S2.6): the tasks from the server (the device's copy when offline), with the attempts recorded
 * here and not yet sent counted in. Each attempt is a `callback.attempted` entry in the outbox.
 */
export function useMyCallbacks() {
  const outbox = useOutboxStore()
  const list = useWorkedList({ key: 'callbacks:mine', fetch: () => callbackApi.mine(), kind: 'callback.attempted', work: worked, order: byUrgency })

  async function attempt(task: CallbackTask, outcome: CallbackOutcome, note: string): Promise<void> {
    const trimmed = note.trim()
    await outbox.record('callback.attempted', { taskId: task.id, outcome, ...(trimmed ? { note: trimmed } : {}) }, task.incident)
  }

  return { ...list, attempt }
}
