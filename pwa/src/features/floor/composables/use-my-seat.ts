import { computed, ref, shallowRef } from 'vue'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { useSessionStore } from '@/features/auth/store'
import { floorApi } from '../api'
import type { FaultDevice, SeatHistory } from '../types'

export type ReportState = 'idle' | 'confirming' | 'sending'

/**
 * The agent's own seat and its equipment, cached for offline use. Tap one: a device. Tap two: "Report" records an
 * equipment report naming the seat and the device in the outbox (S1.1).
 */
export function useMySeat() {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const code = ref<string | null>(null)
  const seat = shallowRef<SeatHistory | null>(null)
  const device = ref<FaultDevice | null>(null)
  const state = ref<ReportState>('idle')
  const error = ref<string | null>(null)
  const loaded = ref(false)

  const devices = computed(() => seat.value?.now.equipment ?? [])

  async function load(): Promise<void> {
    error.value = null
    const user = session.username ?? ''
    try {
      const placement = await networkFirst(appDb(), `floor:me:${user}`, floorApi.me)
      code.value = placement.value.seat ?? placement.value.homeSeat ?? session.user?.seat ?? null
      if (code.value) {
        const c = code.value
        seat.value = (await networkFirst(appDb(), `floor:seat:${c}`, () => floorApi.seat(c))).value
      }
    } catch (e) {
      code.value = session.user?.seat ?? null
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loaded.value = true
    }
  }

  function choose(kind: FaultDevice): void {
    device.value = kind
    state.value = 'confirming'
  }

  const open = computed({
    get: () => state.value !== 'idle',
    set: (value: boolean) => {
      if (!value && state.value !== 'sending') state.value = 'idle'
    },
  })

  async function send(): Promise<boolean> {
    if (!code.value || !device.value || state.value !== 'confirming') return false
    state.value = 'sending'
    try {
      await outbox.record('report.filed', {
        kind: 'equipment',
        seat: code.value,
        ...(device.value === 'seat' ? {} : { device: device.value }),
      })
      state.value = 'idle'
      return true
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      state.value = 'confirming'
      return false
    }
  }

  return { code, seat, devices, device, state, open, error, loaded, load, choose, send }
}
