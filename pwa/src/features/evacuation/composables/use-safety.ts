import { computed, onMounted, ref, shallowRef } from 'vue'
import { useJournalEvents } from '@/composables/use-journal-events'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { evacuationApi } from '../api'
import type { AlarmZone, RollCall, ZoneStateName } from '../types'

/** The safety screen: open roll calls (with the person's own line), every alarm zone, and the drills. */
export function useSafety() {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const db = appDb()
  const rollCalls = shallowRef<RollCall[]>([])
  const zones = shallowRef<AlarmZone[]>([])
  const drills = shallowRef<Awaited<ReturnType<typeof evacuationApi.drills>>>([])
  const choosing = ref<AlarmZone | null>(null)

  async function reload(): Promise<void> {
    const [calls, zoneList] = await Promise.allSettled([
      networkFirst(db, 'rollcalls:open', () => evacuationApi.rollCalls('open')),
      networkFirst(db, 'alarm:zones', evacuationApi.zones),
    ])
    if (calls.status === 'fulfilled') rollCalls.value = calls.value.value
    if (zoneList.status === 'fulfilled') zones.value = zoneList.value.value
    if (can(session.user, 'drill')) {
      try {
        drills.value = await evacuationApi.drills()
      } catch {
        // offline: the list comes back with the network
      }
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  useJournalEvents((event) => {
    if (event.kind.startsWith('rollcall.') || event.kind.startsWith('alarm.') || event.kind.startsWith('incident.')) {
      clearTimeout(timer)
      timer = setTimeout(() => void reload(), 300)
    }
  })
  onMounted(() => void reload())

  /** Zones out of their normal state first, with this device's waiting changes applied. */
  const zoneViews = computed(() => {
    const waiting = new Map<string, ZoneStateName>()
    for (const r of [...outbox.rows].reverse()) {
      if (r.kind === 'alarm.zone.set' && r.status === 'waiting') waiting.set(`${r.payload.site}/${r.payload.zone}`, r.payload.state)
    }
    return zones.value
      .map((z) => {
        const state = waiting.get(`${z.site}/${z.code}`) ?? z.state
        return { ...z, state, normal: state === 'normal', pending: waiting.has(`${z.site}/${z.code}`) }
      })
      .sort((a, b) => Number(a.normal) - Number(b.normal) || a.site.localeCompare(b.site) || a.code.localeCompare(b.code))
  })
  const abnormal = computed(() => zoneViews.value.filter((z) => !z.normal).length)
  const mayZone = computed(() => can(session.user, 'zones'))
  const mayDrill = computed(() => can(session.user, 'drill'))

  async function setZone(state: ZoneStateName): Promise<void> {
    const zone = choosing.value
    choosing.value = null
    if (!zone || !mayZone.value) return
    await outbox.record('alarm.zone.set', { site: zone.site, zone: zone.code, state })
  }

  async function markSelf(incident: string): Promise<void> {
    if (session.username) await outbox.record('rollcall.marked', { username: session.username, status: 'safe' }, incident)
  }

  /** The person's own status in a roll call, this device's waiting mark included. */
  function myStatus(rollCall: RollCall): string {
    const waiting = outbox.rows.some(
      (r) => r.kind === 'rollcall.marked' && r.incident === rollCall.incident && r.status === 'waiting' && r.payload.username === session.username,
    )
    if (waiting) return 'safe'
    return rollCall.people.find((p) => p.username === session.username)?.status ?? 'unknown'
  }

  return { rollCalls, zoneViews, abnormal, drills, choosing, mayZone, mayDrill, setZone, markSelf, myStatus, reload }
}
