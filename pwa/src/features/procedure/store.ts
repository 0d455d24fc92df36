import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { CACHE_KEYS, readCache, writeCache } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { procedureApi } from './api'
import { bundledProcedures, isProcedureDocument } from './bundled'
import type { ProcedureDocument, ProcedureSource } from './types'

/**
 * The specification in the person's language. The device's copy (IndexedDB) is the main one;
 * the copy built into the app covers the very first offline visit; the server refreshes both.
 */
export const useProcedureStore = defineStore('procedure', () => {
  const db = appDb()
  const doc = shallowRef<ProcedureDocument | null>(null)
  const source = ref<ProcedureSource | null>(null)
  const savedAt = ref<string | null>(null)
  let loading: string | null = null

  async function load(lang: string): Promise<void> {
    loading = lang
    const kept = await readCache<ProcedureDocument>(db, CACHE_KEYS.procedures(lang))
    if (loading !== lang) return
    if (kept && isProcedureDocument(kept.value)) {
      doc.value = kept.value
      source.value = 'device'
      savedAt.value = kept.savedAt
    } else {
      doc.value = await bundledProcedures(lang)
      source.value = 'bundled'
      savedAt.value = null
    }
    try {
      const fresh = await procedureApi.get(lang)
      if (loading !== lang || !isProcedureDocument(fresh)) return
      const saved = await writeCache(db, CACHE_KEYS.procedures(lang), fresh)
      doc.value = fresh
      source.value = 'server'
      savedAt.value = saved.savedAt
    } catch {
      // Offline: what is on screen already is the best copy there is.
    }
  }

  return { doc, source, savedAt, load }
})
