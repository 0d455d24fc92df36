import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import { liveQuery, type Subscription } from 'dexie'
import type { StoredEntry } from '@/api/entries'
import { useSessionStore } from '@/features/auth/store'
import { CACHE_KEYS, networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { reportApi } from './api'
import { mergeMyReports } from './my-reports'
import type { MyReport, ReportDraft, Seat } from './types'

const LAST_SEAT_KEY = 'stormdesk.lastSeat'

/**
 * The two-tap report: seats to pick from, the seat used last, and "My reports": the outbox of this
 * device merged with the person's reports the sync loop pulled.
 */
export const useReportStore = defineStore('report', () => {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const seats = shallowRef<Seat[]>([])
  const lastSeat = ref<string>(localStorage.getItem(LAST_SEAT_KEY) ?? '')

  const defaultSeat = computed(() => lastSeat.value || session.user?.seat || '')
  const pulled = shallowRef<StoredEntry[]>([])
  const myReports = computed(() =>
    mergeMyReports(
      outbox.rows.filter((row): row is MyReport => row.kind === 'report.filed'),
      pulled.value,
      session.username,
    ),
  )

  // The stored reports and the openings that name their incident, live from what the sync loop pulled.
  let subscription: Subscription | null = null
  watch(
    () => session.username,
    (username) => {
      subscription?.unsubscribe()
      subscription = null
      pulled.value = []
      if (!username) return
      const db = appDb()
      subscription = liveQuery(() => db.entries.where('kind').anyOf('report.filed', 'incident.opened').toArray()).subscribe({
        next: (found) => {
          pulled.value = found.filter((e) => e.kind === 'incident.opened' || e.actor === username)
        },
        error: () => {
          pulled.value = []
        },
      })
    },
    { immediate: true },
  )

  async function loadSeats(): Promise<void> {
    try {
      const result = await networkFirst(appDb(), CACHE_KEYS.seats, reportApi.seats)
      seats.value = Array.isArray(result.value) ? result.value : []
    } catch {
      // Neither network nor a copy yet: the seat stays optional.
    }
  }

  async function file(draft: ReportDraft): Promise<MyReport> {
    const seat = draft.seat.trim()
    const note = draft.note.trim()
    if (seat) {
      lastSeat.value = seat
      localStorage.setItem(LAST_SEAT_KEY, seat)
    }
    const row = await outbox.record('report.filed', {
      kind: draft.kind,
      ...(seat ? { seat } : {}),
      ...(note ? { note } : {}),
    })
    return row as MyReport
  }

  return { seats, lastSeat, defaultSeat, myReports, loadSeats, file }
})
