import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { currentLanguage } from '@/api/http'
import { CACHE_KEYS, networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { playbookApi } from './api'
import type { Delivery, IncidentPlaybook, PlaybookSource } from './types'

export type DeliveriesState = 'idle' | 'ready' | 'unavailable'

/**
 * The playbook of the incident being looked at (the last answer is kept on the device and shown,
 * with its time, offline) and what a person records about it: each mark is an entry in the outbox.
 */
export const usePlaybookStore = defineStore('playbook', () => {
  const db = appDb()
  const outbox = useOutboxStore()

  const playbook = shallowRef<IncidentPlaybook | null>(null)
  const source = ref<PlaybookSource>('none')
  const asOf = ref<string | null>(null)
  const deliveries = shallowRef<Delivery[]>([])
  const deliveriesState = ref<DeliveriesState>('idle')

  async function load(id: string): Promise<void> {
    if (playbook.value?.incidentId !== id) {
      playbook.value = null
      source.value = 'none'
      asOf.value = null
    }
    try {
      const result = await networkFirst(db, CACHE_KEYS.playbook(id, currentLanguage()), () => playbookApi.ofIncident(id))
      playbook.value = result.value
      source.value = result.fresh ? 'live' : 'cached'
      asOf.value = result.savedAt
    } catch {
      if (playbook.value?.incidentId !== id) source.value = 'none'
    }
  }

  async function loadDeliveries(id: string): Promise<void> {
    try {
      const found = await playbookApi.deliveries(id)
      deliveries.value = Array.isArray(found) ? found : []
      deliveriesState.value = 'ready'
    } catch {
      deliveriesState.value = deliveries.value.length ? 'ready' : 'unavailable'
    }
  }

  const done = (incident: string, step: string) => outbox.record('step.done', { step }, incident)
  const skip = (incident: string, step: string, reason: string) => outbox.record('step.skipped', { step, reason }, incident)
  const call = (incident: string, contact: string, reached: boolean, note?: string) =>
    outbox.record(reached ? 'call.reached' : 'call.unreached', { contact, ...(note ? { note } : {}) }, incident)
  const acknowledge = (incident: string, firing: string) => outbox.record('escalation.acknowledged', { firing }, incident)

  return { playbook, source, asOf, deliveries, deliveriesState, load, loadDeliveries, done, skip, call, acknowledge }
})
