import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { useSessionStore } from '@/features/auth/store'
import { CACHE_KEYS, networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { reportApi } from './api'
import type { MyReport, ReportDraft, Seat } from './types'

const LAST_SEAT_KEY = 'stormdesk.lastSeat'

/** The two-tap report: seats to pick from, the seat used last, and "My reports" from the outbox. */
export const useReportStore = defineStore('report', () => {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const seats = shallowRef<Seat[]>([])
  const lastSeat = ref<string>(localStorage.getItem(LAST_SEAT_KEY) ?? '')

  const defaultSeat = computed(() => lastSeat.value || session.user?.seat || '')
  const myReports = computed(() => outbox.rows.filter((row): row is MyReport => row.kind === 'report.filed'))

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
