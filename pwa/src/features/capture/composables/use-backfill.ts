import { ref, shallowRef } from 'vue'
import { ApiError } from '@/api/http'
import { newId } from '@/offline/ids'
import { captureApi } from '../api'
import type { CaptureCounts, CapturedRecord, ImportResult } from '../types'

/**
 * The back-fill work queue (S2.5) for supervisors and managers: the counts, the outstanding records oldest first
 * (numbers masked; "show in full" opens one, which the server audits), marking one back-filled with the CRM's
 * reference or rejected with a reason, and the import of references from a file.
 */
export function useBackfill() {
  const incident = ref<string>('')
  const counts = shallowRef<CaptureCounts | null>(null)
  const queue = shallowRef<CapturedRecord[]>([])
  const full = ref<Record<string, CapturedRecord>>({})
  const error = ref<string | null>(null)
  const imported = shallowRef<ImportResult | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const id = incident.value || undefined
      const [c, q] = await Promise.all([captureApi.counts(id), captureApi.outstanding(id)])
      counts.value = c
      queue.value = q
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  async function showFull(id: string): Promise<void> {
    try {
      full.value = { ...full.value, [id]: await captureApi.record(id) }
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  async function act(run: () => Promise<unknown>): Promise<boolean> {
    error.value = null
    try {
      await run()
      await load()
      return true
    } catch (e) {
      error.value = e instanceof ApiError ? (e.problem?.errors?.[0]?.message ?? e.message) : String(e)
      return false
    }
  }

  const backfill = (id: string, reference: string) => act(() => captureApi.backfill(id, reference.trim(), newId()))
  const reject = (id: string, reason: string) => act(() => captureApi.reject(id, reason.trim(), newId()))

  async function importFile(file: File): Promise<void> {
    error.value = null
    imported.value = null
    try {
      imported.value = await captureApi.importReferences(await file.text())
      await load()
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  return { incident, counts, queue, full, error, imported, loading, load, showFull, backfill, reject, importFile }
}
