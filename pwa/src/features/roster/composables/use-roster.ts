import { computed, ref, shallowRef, watch } from 'vue'
import { ApiError } from '@/api/http'
import { fromCenterInput, toCenterInput } from '@/composables/use-format'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { rosterApi } from '../api'
import { bySite, skillsOf } from '../group'
import type { ImportResult, Position, Shift } from '../types'

export type FieldErrors = { field: string; message: string }[]

/** Who is on shift where; adding a shift and importing a CSV, with each refused field or row named. */
export function useRoster() {
  const site = ref('')
  const sites = shallowRef<string[]>([])
  const shifts = shallowRef<Shift[]>([])
  const fresh = ref(true)
  const groups = computed(() => bySite(shifts.value))

  const now = new Date()
  const draft = ref({
    username: '',
    site: 'hq',
    startsAt: toCenterInput(now).slice(0, 16),
    endsAt: toCenterInput(new Date(now.getTime() + 8 * 3600 * 1000)).slice(0, 16),
    position: 'inbound' as Position,
    skills: '',
  })
  const addErrors = ref<FieldErrors>([])
  const csv = ref('username,site,starts_at,ends_at,position,skills\n')
  const imported = shallowRef<ImportResult | null>(null)
  const importError = ref<string | null>(null)

  async function load(): Promise<void> {
    try {
      const result = await networkFirst(appDb(), `roster:${site.value}`, () => rosterApi.onShift(site.value))
      shifts.value = result.value
      fresh.value = result.fresh
      if (!sites.value.length) sites.value = await rosterApi.sites()
    } catch {
      fresh.value = false
    }
  }
  watch(site, () => void load())

  async function add(): Promise<boolean> {
    addErrors.value = []
    const d = draft.value
    const start = fromCenterInput(d.startsAt)
    const end = fromCenterInput(d.endsAt)
    try {
      await rosterApi.add({
        username: d.username.trim(),
        site: d.site.trim(),
        startsAt: start ? start.toISOString() : d.startsAt,
        endsAt: end ? end.toISOString() : d.endsAt,
        position: d.position,
        skills: skillsOf(d.skills),
      })
      await load()
      return true
    } catch (e) {
      addErrors.value = e instanceof ApiError && e.problem?.errors?.length ? e.problem.errors : [{ field: '', message: e instanceof Error ? e.message : String(e) }]
      return false
    }
  }

  async function remove(id: string): Promise<void> {
    await rosterApi.remove(id)
    await load()
  }

  async function importCsv(): Promise<void> {
    importError.value = null
    imported.value = null
    try {
      imported.value = await rosterApi.importCsv(csv.value)
      await load()
    } catch (e) {
      importError.value = e instanceof Error ? e.message : String(e)
    }
  }

  async function readFile(file: File): Promise<void> {
    csv.value = await file.text()
  }

  return { site, sites, shifts, fresh, groups, draft, addErrors, csv, imported, importError, load, add, remove, importCsv, readFile }
}
