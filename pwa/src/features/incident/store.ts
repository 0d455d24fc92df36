import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { CACHE_KEYS, networkFirst, readCache } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { incidentApi } from './api'
import { toLogLines } from './log-lines'
import type { DeviceLogLine, Freshness, Incident, IncidentDetail, LoadState, LogEntry, LogLine, Verification, VerifyState } from './types'

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const

/** The board (open incidents) and the incident being looked at, each with where it came from. */
export const useIncidentStore = defineStore('incident', () => {
  const db = appDb()
  const outbox = useOutboxStore()

  const board = shallowRef<Incident[]>([])
  const boardAsOf = ref<string | null>(null)
  const boardFreshness = ref<Freshness>('none')
  const boardState = ref<LoadState>('idle')

  const current = shallowRef<IncidentDetail | null>(null)
  const currentFreshness = ref<Freshness>('none')
  const currentState = ref<LoadState>('idle')
  const log = shallowRef<LogEntry[]>([])
  const logFreshness = ref<Freshness>('none')
  const verification = shallowRef<Verification | null>(null)

  const sortedBoard = computed(() =>
    [...board.value].sort(
      (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.startedAt.localeCompare(a.startedAt),
    ),
  )

  async function refreshBoard(): Promise<void> {
    boardState.value = 'loading'
    try {
      const result = await networkFirst(db, CACHE_KEYS.board, incidentApi.open)
      board.value = Array.isArray(result.value) ? result.value : []
      boardAsOf.value = result.savedAt
      boardFreshness.value = result.fresh ? 'live' : 'cached'
      boardState.value = 'ready'
    } catch {
      boardState.value = 'failed'
    }
  }

  async function loadIncident(id: string): Promise<void> {
    if (current.value?.id !== id) {
      current.value = null
      log.value = []
      verification.value = null
      currentFreshness.value = 'none'
      logFreshness.value = 'none'
    }
    currentState.value = 'loading'
    try {
      const result = await networkFirst(db, CACHE_KEYS.incident(id), () => incidentApi.get(id))
      current.value = result.value
      currentFreshness.value = result.fresh ? 'live' : 'cached'
      currentState.value = 'ready'
    } catch {
      const cachedBoard = await readCache<Incident[]>(db, CACHE_KEYS.board)
      const fromBoard = cachedBoard?.value.find((i) => i.id === id)
      if (fromBoard) {
        current.value = fromBoard
        currentFreshness.value = 'cached'
        currentState.value = 'ready'
      } else {
        currentState.value = 'failed'
      }
    }
  }

  async function loadLog(id: string): Promise<void> {
    try {
      const result = await networkFirst(db, CACHE_KEYS.log(id), () => incidentApi.log(id))
      log.value = [...(result.value.entries ?? [])].sort((a, b) => a.seq - b.seq)
      logFreshness.value = result.fresh ? 'live' : 'cached'
    } catch {
      logFreshness.value = 'none'
    }
    try {
      verification.value = await incidentApi.verify(id)
    } catch {
      verification.value = null
    }
  }

  const verifyState = computed<VerifyState>(() =>
    !verification.value ? 'unknown' : verification.value.valid ? 'verified' : 'broken',
  )

  /** What this device recorded about an incident and the server has not stored (yet). */
  function localLines(id: string): DeviceLogLine[] {
    return outbox.rows
      .filter((row) => row.incident === id && row.kind !== 'report.filed' && row.status !== 'sent')
      .map((row) => ({
        source: 'device' as const,
        id: row.id,
        kind: row.kind,
        recordedAt: row.recordedAt,
        actor: row.actor,
        status: row.status === 'refused' ? ('refused' as const) : ('waiting' as const),
        ...(row.reason ? { reason: row.reason } : {}),
      }))
  }

  function logLines(id: string): LogLine[] {
    return toLogLines(log.value, localLines(id))
  }

  /** Kinds of entry recorded here about the incident and still waiting to be sent. */
  function pendingKinds(id: string): Set<string> {
    return new Set(outbox.rows.filter((r) => r.incident === id && r.status === 'waiting').map((r) => r.kind))
  }

  const acknowledge = (id: string) => outbox.record('incident.acknowledged', {}, id)
  const addNote = (id: string, text: string) => outbox.record('note.added', { text }, id)
  const resolve = (id: string, recoveredAt: Date) => outbox.record('incident.resolved', { recoveredAt: recoveredAt.toISOString() }, id)

  return {
    board,
    sortedBoard,
    boardAsOf,
    boardFreshness,
    boardState,
    current,
    currentFreshness,
    currentState,
    log,
    logFreshness,
    verification,
    verifyState,
    refreshBoard,
    loadIncident,
    loadLog,
    logLines,
    pendingKinds,
    acknowledge,
    addNote,
    resolve,
  }
})
