import { onBeforeUnmount, onMounted } from 'vue'
import { useJournalEvents } from '@/composables/use-journal-events'
import { INBOX_EVENTS, useInboxStore } from '../store'

export const INBOX_REFRESH_MS = 30_000

/** Keeps the inbox's badge current: at once, on the live feed's notices and escalations, and every 30 s. */
export function useInboxBell() {
  const inbox = useInboxStore()
  let timer: ReturnType<typeof setInterval> | undefined
  let soon: ReturnType<typeof setTimeout> | undefined
  const refresh = () => void inbox.refresh()
  const refreshSoon = () => {
    clearTimeout(soon)
    soon = setTimeout(refresh, 500)
  }

  useJournalEvents((event) => {
    if (INBOX_EVENTS.includes(event.kind)) refreshSoon()
  })
  onMounted(() => {
    refresh()
    timer = setInterval(refresh, INBOX_REFRESH_MS)
    window.addEventListener('online', refresh)
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    clearTimeout(soon)
    window.removeEventListener('online', refresh)
  })
  return { inbox }
}
