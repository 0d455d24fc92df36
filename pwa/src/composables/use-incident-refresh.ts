import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import { useJournalEvents } from '@/composables/use-journal-events'
import { useOutboxStore } from '@/offline/store'

/**
 * Keeps a view of one incident fresh: loads it on mount and when the id changes, and again (debounced)
 * when the live feed announces a change to it or one of this device's entries about it gets its answer.
 */
export function useIncidentRefresh(id: Ref<string>, reload: () => void): void {
  const outbox = useOutboxStore()
  let timer: ReturnType<typeof setTimeout> | undefined
  const reloadSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(reload, 300)
  }
  useJournalEvents((event) => {
    if (!event.incident || event.incident === id.value) reloadSoon()
  })
  onMounted(reload)
  onBeforeUnmount(() => clearTimeout(timer))
  watch(id, reload)
  watch(
    () => outbox.rows.filter((r) => r.incident === id.value && r.status !== 'waiting').length,
    (now, before) => {
      if (now !== before) reloadSoon()
    },
  )
}
