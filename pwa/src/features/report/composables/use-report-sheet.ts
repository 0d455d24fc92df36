import { computed, ref } from 'vue'
import type { IncidentKind } from '@/api/kinds'
import { useReportStore } from '../store'
import type { SheetState } from '../types'

/** Tap one: a kind opens the sheet. Tap two: "Send report" records it in the outbox. */
export function useReportSheet() {
  const store = useReportStore()
  const kind = ref<IncidentKind | null>(null)
  const seat = ref('')
  const note = ref('')
  const state = ref<SheetState>('closed')
  const error = ref<string | null>(null)

  const open = computed({
    get: () => state.value !== 'closed',
    set: (value: boolean) => {
      if (!value && state.value !== 'sending') state.value = 'closed'
    },
  })

  const seatOptions = computed(() => {
    const codes = store.seats.map((s) => s.code)
    return seat.value && !codes.includes(seat.value) ? [seat.value, ...codes] : codes
  })

  function choose(chosen: IncidentKind): void {
    kind.value = chosen
    seat.value = store.defaultSeat
    note.value = ''
    error.value = null
    state.value = 'editing'
  }

  async function send(): Promise<boolean> {
    if (!kind.value || state.value !== 'editing') return false
    state.value = 'sending'
    try {
      await store.file({ kind: kind.value, seat: seat.value, note: note.value })
      state.value = 'closed'
      return true
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      state.value = 'editing'
      return false
    }
  }

  return { kind, seat, note, state, open, error, seatOptions, choose, send }
}
