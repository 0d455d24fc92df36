import { onBeforeUnmount, onMounted } from 'vue'
import { useJournalEvents } from '@/composables/use-journal-events'
import { useIncidentStore } from '../store'

const POLL_MS = 30_000
const SETTLE_MS = 300

/** Keeps the board current: on every server event, every 30 s, and when the network comes back. */
export function useLiveBoard() {
  const store = useIncidentStore()
  let poll: ReturnType<typeof setInterval> | undefined
  let settle: ReturnType<typeof setTimeout> | undefined

  const refresh = () => void store.refreshBoard()
  const soon = () => {
    clearTimeout(settle)
    settle = setTimeout(refresh, SETTLE_MS)
  }

  useJournalEvents(soon)
  onMounted(() => {
    refresh()
    poll = setInterval(refresh, POLL_MS)
    window.addEventListener('online', refresh)
  })
  onBeforeUnmount(() => {
    clearInterval(poll)
    clearTimeout(settle)
    window.removeEventListener('online', refresh)
  })
  return { refresh }
}
