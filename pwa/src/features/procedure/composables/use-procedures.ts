import { computed, nextTick, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { isIncidentKind, type IncidentKind } from '@/api/kinds'
import { useProcedureStore } from '../store'

/** Loads the procedures in the current language and opens the section of the kind in the address. */
export function useProcedures(kind: Ref<string | undefined>) {
  const { locale } = useI18n()
  const store = useProcedureStore()
  const expanded = ref<IncidentKind[]>([])
  const intro = computed(() => {
    const value = store.doc?.intro ?? ''
    return (Array.isArray(value) ? value : value.split(/\n\s*\n/)).filter((p) => p.trim() !== '')
  })

  watch(locale, (lang) => void store.load(lang), { immediate: true })
  watch(
    [kind, () => store.doc],
    async ([wanted]) => {
      if (!isIncidentKind(wanted)) return
      if (!expanded.value.includes(wanted)) expanded.value = [...expanded.value, wanted]
      await nextTick()
      document.querySelector(`[data-kind="${wanted}"][data-testid="procedure-section"]`)?.scrollIntoView({ block: 'start' })
    },
    { immediate: true },
  )

  return { store, expanded, intro }
}
