import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import { liveQuery, type Subscription } from 'dexie'
import type { DeviceEntryKind, PayloadOf } from '@/api/entries'
import { useSessionStore } from '@/features/auth/store'
import { appDb, type OutboxRow } from './db'
import { recordEntry } from './outbox'
import { SyncEngine, startSyncLoop, type SyncOutcome, type SyncTrigger } from './sync'

export type SyncHealth = 'idle' | 'syncing' | 'ok' | 'failing'

/**
 * The outbox as the screens see it: the current person's entries, live from IndexedDB,
 * and the one sync engine that sends them.
 */
export const useOutboxStore = defineStore('outbox', () => {
  const session = useSessionStore()
  const db = appDb()
  const rows = shallowRef<OutboxRow[]>([])
  const health = ref<SyncHealth>('idle')
  const lastOutcome = shallowRef<SyncOutcome | null>(null)
  const lastSyncedAt = ref<string | null>(null)

  const engine = new SyncEngine({
    db,
    currentUser: () => session.username,
    onUnauthorized: () => session.markExpired(),
    onAuthorized: () => session.markValid(),
    onOutcome: (outcome) => {
      lastOutcome.value = outcome
      if (outcome.kind === 'done') {
        health.value = 'ok'
        lastSyncedAt.value = new Date().toISOString()
      } else if (outcome.kind === 'failed') {
        health.value = 'failing'
      }
    },
  })

  let subscription: Subscription | null = null
  watch(
    () => session.username,
    (username) => {
      subscription?.unsubscribe()
      subscription = null
      rows.value = []
      if (!username) return
      subscription = liveQuery(() => db.outbox.where('actor').equals(username).toArray()).subscribe({
        next: (found) => {
          rows.value = [...found].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
        },
        error: () => {
          rows.value = []
        },
      })
    },
    { immediate: true },
  )

  const waiting = computed(() => rows.value.filter((r) => r.status === 'waiting'))
  const waitingCount = computed(() => waiting.value.length)

  async function sync(trigger: SyncTrigger): Promise<SyncOutcome> {
    health.value = 'syncing'
    return engine.sync(trigger)
  }

  /** Records an entry for the signed-in person and tries to send it at once. */
  async function record<K extends DeviceEntryKind>(kind: K, payload: PayloadOf[K], incident?: string): Promise<OutboxRow> {
    const actor = session.username
    if (!actor) throw new Error('nobody is signed in')
    const row = await recordEntry(db, { kind, payload, actor, incident })
    void sync('record')
    return row
  }

  let stopLoop: (() => void) | null = null
  function start(): void {
    stopLoop ??= startSyncLoop(engine)
  }

  return { rows, waiting, waitingCount, health, lastOutcome, lastSyncedAt, record, sync, start }
})
