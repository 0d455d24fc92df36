import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { mediaApi } from '../api'
import type { HoldingLine, InquiryDraft, MediaLanguage, PanelState } from '../types'
import { MEDIA_LANGUAGES } from '../types'

/** The cache key of the holding lines in one language (read offline from the last copy). */
export const holdingKey = (lang: MediaLanguage): string => `media-holding:${lang}`

const REQUIRED: readonly (keyof InquiryDraft)[] = ['outlet', 'name', 'position', 'subject', 'contact']

export function emptyDraft(): InquiryDraft {
  return { outlet: '', name: '', position: '', subject: '', contact: '', deadline: '' }
}

/** The app's language as one of the three the media panel speaks. */
export function mediaLanguage(locale: string): MediaLanguage {
  return (MEDIA_LANGUAGES as readonly string[]).includes(locale) ? (locale as MediaLanguage) : 'zh-CN'
}

/**
 * A journalist on the line (S8.1, S8.2): the holding reply in the caller's language and the approved holding lines
 * (last copy when offline), the reminder, and the form; sending records `media.inquiry.filed` in the outbox, so it
 * works offline and shows whether it is still waiting or sent.
 */
export function useMediaPanel() {
  const { locale } = useI18n()
  const outbox = useOutboxStore()
  const language = ref<MediaLanguage>(mediaLanguage(locale.value))
  const lines = shallowRef<HoldingLine[]>([])
  const draft = reactive<InquiryDraft>(emptyDraft())
  const sentId = ref<string | null>(null)
  const missing = ref<(keyof InquiryDraft)[]>([])

  async function loadLines(): Promise<void> {
    const lang = language.value
    try {
      const result = await networkFirst(appDb(), holdingKey(lang), () => mediaApi.holdingLines(lang))
      if (lang === language.value) lines.value = Array.isArray(result.value.lines) ? result.value.lines : []
    } catch {
      if (lang === language.value) lines.value = []
    }
  }
  watch(language, () => void loadLines())

  const state = computed<PanelState>(() => {
    if (!sentId.value) return 'editing'
    const row = outbox.rows.find((r) => r.id === sentId.value)
    if (!row) return 'waiting'
    return row.status === 'sent' ? 'sent' : row.status === 'refused' ? 'refused' : 'waiting'
  })
  const refusal = computed(() => outbox.rows.find((r) => r.id === sentId.value)?.reason ?? null)

  function reset(): void {
    Object.assign(draft, emptyDraft())
    sentId.value = null
    missing.value = []
    language.value = mediaLanguage(locale.value)
    void loadLines()
  }

  async function send(incident?: string): Promise<boolean> {
    missing.value = REQUIRED.filter((field) => !draft[field].trim())
    if (missing.value.length > 0) return false
    const deadline = draft.deadline.trim()
    const row = await outbox.record(
      'media.inquiry.filed',
      {
        outlet: draft.outlet.trim(),
        name: draft.name.trim(),
        position: draft.position.trim(),
        subject: draft.subject.trim(),
        contact: draft.contact.trim(),
        ...(deadline ? { deadline } : {}),
        language: language.value,
        reminderShown: true,
      },
      incident,
    )
    sentId.value = row.id
    return true
  }

  return { language, lines, draft, state, refusal, missing, loadLines, reset, send }
}
