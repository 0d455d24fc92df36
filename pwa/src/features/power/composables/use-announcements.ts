import { computed, ref, shallowRef } from 'vue'
import { useJournalEvents } from '@/composables/use-journal-events'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { powerApi } from '../api'
import { bannerOf, dismiss, readDismissed } from '../banner'
import type { Announcement } from '../types'

/** The announcements, kept fresh by the live feed and a slow timer, and the banner's one. */
export function useAnnouncements() {
  const list = shallowRef<Announcement[]>([])
  const dismissed = ref<string[]>(readDismissed())
  const banner = computed(() => bannerOf(list.value, dismissed.value))

  async function load(): Promise<void> {
    try {
      list.value = (await networkFirst(appDb(), 'power:announcements', powerApi.announcements)).value
    } catch {
      // nothing cached yet and no network: no banner
    }
  }

  useJournalEvents((e) => {
    if (e.kind === 'announcement.posted' || e.kind === 'notice.delivered') void load()
  })

  function close(id: string): void {
    dismissed.value = dismiss(id)
  }

  return { list, banner, load, close }
}
