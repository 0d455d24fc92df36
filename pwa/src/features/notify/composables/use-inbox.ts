import { onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { useInboxStore } from '../store'
import type { Notice } from '../types'

/** The inbox screen: tapping a notice reads it and opens its incident. */
export function useInbox() {
  const inbox = useInboxStore()
  const router = useRouter()
  onMounted(() => void inbox.refresh())

  async function open(notice: Notice): Promise<void> {
    void inbox.markRead(notice.id)
    if (notice.incident) await router.push({ name: 'incident', params: { id: notice.incident } })
  }

  return { inbox, open }
}
