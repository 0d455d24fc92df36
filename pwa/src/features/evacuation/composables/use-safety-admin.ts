import { computed, reactive, ref, shallowRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { suppliesApi } from '@/features/supplies/api'
import type { Readiness, SupplyItem } from '@/features/supplies/types'
import { evacuationApi } from '../api'
import { fieldErrors, notWhole, ruleBody, siteBody, wholeNumber, zoneBody, type FieldErrors } from '../safety-admin'
import type { AlarmZone, EvacuationSite } from '../types'

/**
 * The administrator's safety setup of a site: its evacuation details, its alarm zones, and its emergency supplies
 * (size and readiness rules). Everything is saved at once on the server; a refusal shows by the field it names.
 */
export function useSafetyAdmin() {
  const { t } = useI18n()
  const offline = () => t('safetyAdmin.offline')

  const sites = shallowRef<EvacuationSite[]>([])
  const site = ref<string | null>(null)
  const adding = ref(false)
  const loadError = ref('')
  const busy = ref<string | null>(null)

  const siteForm = reactive({ code: '', name: '', assemblyPoint: '', procedure: '' })
  const siteErrors = ref<FieldErrors>({})

  const zones = shallowRef<AlarmZone[]>([])
  /** The zone being added (`isNew`) or renamed; null when the sheet is closed. */
  const zoneForm = ref<{ isNew: boolean; code: string; name: string; floor: string } | null>(null)
  const zoneErrors = ref<FieldErrors>({})

  const readiness = shallowRef<Readiness | null>(null)
  const seats = ref('')
  const seatsErrors = ref<FieldErrors>({})
  /** The rule being added (`isNew`) or changed; null when the sheet is closed. */
  const ruleForm = ref<{ isNew: boolean; kind: string; perSeats: string; atLeast: string } | null>(null)
  const ruleErrors = ref<FieldErrors>({})

  const current = computed(() => sites.value.find((s) => s.code === site.value) ?? null)

  /** Runs one save: busy while it runs, the server's refusal shown by the fields of `errors`; true when saved. */
  async function saving(what: string, errors: Ref<FieldErrors>, save: () => Promise<void>): Promise<boolean> {
    busy.value = what
    try {
      await save()
      return true
    } catch (e) {
      errors.value = fieldErrors(e, offline())
      return false
    } finally {
      busy.value = null
    }
  }

  async function loadSites(): Promise<void> {
    loadError.value = ''
    try {
      sites.value = await evacuationApi.sites()
    } catch (e) {
      loadError.value = fieldErrors(e, offline())[''] ?? t('safetyAdmin.offline')
      return
    }
    if (!adding.value) await choose(site.value && sites.value.some((s) => s.code === site.value) ? site.value : (sites.value[0]?.code ?? null))
  }

  function fillSite(s: EvacuationSite | null): void {
    Object.assign(siteForm, { code: s?.code ?? '', name: s?.name ?? '', assemblyPoint: s?.assemblyPoint ?? '', procedure: s?.procedure ?? '' })
    siteErrors.value = {}
  }

  async function choose(code: string | null): Promise<void> {
    adding.value = false
    site.value = code
    fillSite(current.value)
    zones.value = []
    readiness.value = null
    if (code) await Promise.all([loadZones(), loadReadiness()])
  }

  function startAdding(): void {
    adding.value = true
    fillSite(null)
  }

  async function saveSite(): Promise<boolean> {
    const code = (adding.value ? siteForm.code : (site.value ?? '')).trim()
    siteErrors.value = {}
    if (!code) {
      siteErrors.value = { code: t('safetyAdmin.required') }
      return false
    }
    return saving('site', siteErrors, async () => {
      await evacuationApi.saveSite(code, siteBody(siteForm))
      adding.value = false
      site.value = code
      await loadSites()
    })
  }

  async function loadZones(): Promise<void> {
    if (!site.value) return
    try {
      zones.value = await evacuationApi.zones(site.value)
    } catch {
      zones.value = []
    }
  }

  function editZone(zone: AlarmZone | null): void {
    zoneErrors.value = {}
    zoneForm.value = zone
      ? { isNew: false, code: zone.code, name: zone.name, floor: zone.floor ?? '' }
      : { isNew: true, code: '', name: '', floor: '' }
  }

  async function saveZone(): Promise<boolean> {
    const form = zoneForm.value
    if (!form || !site.value) return false
    zoneErrors.value = {}
    if (!form.code.trim()) {
      zoneErrors.value = { code: t('safetyAdmin.required') }
      return false
    }
    const at = site.value
    return saving('zone', zoneErrors, async () => {
      await evacuationApi.saveZone(at, form.code.trim(), zoneBody(form))
      zoneForm.value = null
      await loadZones()
    })
  }

  function showReadiness(r: Readiness): void {
    readiness.value = r
    seats.value = String(r.seats)
  }

  async function loadReadiness(): Promise<void> {
    if (!site.value) return
    seatsErrors.value = {}
    try {
      showReadiness(await suppliesApi.readiness(site.value))
    } catch (e) {
      readiness.value = null
      seatsErrors.value = fieldErrors(e, offline())
    }
  }

  async function saveSeats(): Promise<boolean> {
    if (!site.value) return false
    const n = wholeNumber(seats.value)
    seatsErrors.value = {}
    if (n === undefined || !Number.isInteger(n)) {
      seatsErrors.value = { seats: t('safetyAdmin.wholeNumber') }
      return false
    }
    const at = site.value
    return saving('seats', seatsErrors, async () => showReadiness(await suppliesApi.setSeats(at, n)))
  }

  function editRule(item: SupplyItem | null): void {
    ruleErrors.value = {}
    ruleForm.value = item
      ? { isNew: false, kind: item.kind, perSeats: item.perSeats == null ? '' : String(item.perSeats), atLeast: String(item.atLeast) }
      : { isNew: true, kind: '', perSeats: '', atLeast: '' }
  }

  async function saveRule(): Promise<boolean> {
    const form = ruleForm.value
    if (!form || !site.value) return false
    ruleErrors.value = {}
    const body = ruleBody(form.perSeats, form.atLeast)
    const local: FieldErrors = Object.fromEntries(notWhole(body).map((f) => [f, t('safetyAdmin.wholeNumber')]))
    if (!form.kind.trim()) local['kind'] = t('safetyAdmin.required')
    if (Object.keys(local).length) {
      ruleErrors.value = local
      return false
    }
    const at = site.value
    return saving('rule', ruleErrors, async () => {
      showReadiness(await suppliesApi.setRule(at, form.kind.trim(), body))
      ruleForm.value = null
    })
  }

  async function removeRule(): Promise<boolean> {
    const form = ruleForm.value
    if (!form || !site.value) return false
    const at = site.value
    return saving('rule', ruleErrors, async () => {
      showReadiness(await suppliesApi.removeRule(at, form.kind))
      ruleForm.value = null
    })
  }

  return {
    sites, site, current, adding, loadError, busy,
    siteForm, siteErrors, zones, zoneForm, zoneErrors, readiness, seats, seatsErrors, ruleForm, ruleErrors,
    loadSites, choose, startAdding, saveSite, editZone, saveZone, saveSeats, editRule, saveRule, removeRule,
  }
}
