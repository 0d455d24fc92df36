import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import { useSessionStore } from '@/features/auth/store'
import { CACHE_KEYS, networkFirst, writeCache } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { notifyApi } from './api'
import type { Inbox, InboxState, Notice } from './types'

/** Live events after which the inbox may have changed. */
export const INBOX_EVENTS: readonly string[] = ['notice.delivered', 'escalation.fired', 'notice.requested', 'incident.opened']

/** The signed-in person's in-app notices; the last answer is kept for offline. */
export const useInboxStore = defineStore('inbox', () => {
  const db = appDb()
  const session = useSessionStore()
  const notices = shallowRef<Notice[]>([])
  const unread = ref(0)
  const state = ref<InboxState>('idle')

  const badge = computed(() => (unread.value > 99 ? '99+' : unread.value > 0 ? String(unread.value) : ''))

  function show(inbox: Inbox): void {
    notices.value = Array.isArray(inbox.notices) ? inbox.notices : []
    unread.value = typeof inbox.unread === 'number' ? inbox.unread : notices.value.filter((n) => !n.read).length
  }

  watch(
    () => session.username,
    () => {
      notices.value = []
      unread.value = 0
      state.value = 'idle'
    },
  )

  async function refresh(): Promise<void> {
    const user = session.username
    if (!user) return
    try {
      const result = await networkFirst(db, CACHE_KEYS.inbox(user), notifyApi.inbox)
      if (session.username !== user) return
      show(result.value)
      state.value = result.fresh ? 'ready' : 'cached'
    } catch {
      if (state.value === 'idle') state.value = 'failed'
    }
  }

  /** Marks a notice read (at once on screen; the server's answer is the inbox as it now stands). */
  async function markRead(id: string): Promise<void> {
    const user = session.username
    const notice = notices.value.find((n) => n.id === id)
    if (!user || !notice || notice.read) return
    notices.value = notices.value.map((n) => (n.id === id ? { ...n, read: true } : n))
    unread.value = Math.max(0, unread.value - 1)
    try {
      const inbox = await notifyApi.read(id)
      show(inbox)
      await writeCache(db, CACHE_KEYS.inbox(user), inbox)
    } catch {
      // Offline: it is read here; the server hears of it when the person opens it again online.
    }
  }

  return { notices, unread, badge, state, refresh, markRead }
})
