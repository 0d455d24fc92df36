import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { isOffline } from '@/api/http'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { newId } from '@/offline/ids'
import { useOutboxStore } from '@/offline/store'
import { powerApi } from '../api'
import type { Outage } from '../types'

export const MAX_ANNOUNCEMENT = 280
export type AnnounceState = 'idle' | 'sending' | 'sent' | 'queued' | 'refused'

/** The manager's power screen: post an announcement (through the outbox when offline), and the outages. */
export function usePowerDesk() {
  const { locale } = useI18n()
  const outbox = useOutboxStore()
  const text = ref('')
  const state = ref<AnnounceState>('idle')
  const error = ref<string | null>(null)
  const outages = shallowRef<Outage[]>([])

  async function loadOutages(): Promise<void> {
    try {
      outages.value = (await networkFirst(appDb(), 'power:outages', powerApi.outages)).value
    } catch {
      outages.value = []
    }
  }

  async function announce(): Promise<AnnounceState> {
    const body = text.value.trim()
    if (!body || body.length > MAX_ANNOUNCEMENT) return 'idle'
    const language = locale.value as 'zh-CN' | 'en' | 'zh-TW'
    state.value = 'sending'
    error.value = null
    try {
      await powerApi.announce({ text: body, language, clientId: newId() })
      state.value = 'sent'
    } catch (e) {
      if (isOffline(e)) {
        await outbox.record('announcement.posted', { text: body, language })
        state.value = 'queued'
      } else {
        error.value = e instanceof Error ? e.message : String(e)
        state.value = 'refused'
        return state.value
      }
    }
    text.value = ''
    return state.value
  }

  return { text, state, error, outages, loadOutages, announce }
}
