import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'
import { knowledgeApi } from '../api'
import { useKnowledgeStore } from '../store'
import { KNOWLEDGE_LANGUAGES, type Article, type ArticleDraft, type KnowledgeLanguage } from '../types'

export interface EditorForm {
  product: string
  tags: string
  title: Record<KnowledgeLanguage, string>
  body: Record<KnowledgeLanguage, string>
}

export function emptyForm(): EditorForm {
  return { product: '', tags: '', title: { 'zh-CN': '', en: '', 'zh-TW': '' }, body: { 'zh-CN': '', en: '', 'zh-TW': '' } }
}

export function formOf(a: Article): EditorForm {
  const form = emptyForm()
  form.product = a.product
  form.tags = a.tags.join(', ')
  for (const lang of KNOWLEDGE_LANGUAGES) {
    form.title[lang] = a.title[lang] ?? ''
    form.body[lang] = a.body[lang] ?? ''
  }
  return form
}

export function draftOf(form: EditorForm, version?: number): ArticleDraft {
  const draft: ArticleDraft = {
    product: form.product.trim(),
    tags: form.tags
      .split(/[,，、]/)
      .map((t) => t.trim())
      .filter((t) => t !== ''),
    title: {},
    body: {},
  }
  for (const lang of KNOWLEDGE_LANGUAGES) {
    if (form.title[lang].trim()) draft.title[lang] = form.title[lang].trim()
    if (form.body[lang].trim()) draft.body[lang] = form.body[lang].trim()
  }
  if (version !== undefined) draft.version = version
  return draft
}

export type SaveState = 'editing' | 'saving' | 'saved' | 'failed'

/** Writing an article (managers and administrators, online): new or a next version of one. */
export function useArticleEditor(id: string | null) {
  const { t } = useI18n()
  const store = useKnowledgeStore()
  const form = reactive<EditorForm>(emptyForm())
  const language = ref<KnowledgeLanguage>('zh-CN')
  const state = ref<SaveState>('editing')
  const error = ref<string | null>(null)
  const fieldErrors = ref<Record<string, string>>({})
  const original = computed(() => (id ? store.byId(id) : null))

  function start(): void {
    const a = original.value
    Object.assign(form, a ? formOf(a) : emptyForm())
  }

  async function save(): Promise<Article | null> {
    state.value = 'saving'
    error.value = null
    fieldErrors.value = {}
    try {
      const a = original.value
      const saved = a ? await knowledgeApi.update(a.id, draftOf(form, a.version)) : await knowledgeApi.create(draftOf(form))
      await store.keep(saved)
      state.value = 'saved'
      return saved
    } catch (e) {
      state.value = 'failed'
      if (e instanceof ApiError && e.reason !== 'network') {
        error.value = e.problem?.detail ?? e.message
        for (const f of e.problem?.errors ?? []) fieldErrors.value[f.field] = f.message
      } else {
        error.value = t('knowledge.offlineEdit')
      }
      return null
    }
  }

  async function archive(): Promise<boolean> {
    const a = original.value
    if (!a) return false
    try {
      await knowledgeApi.archive(a.id)
      await store.forget(a.id)
      return true
    } catch (e) {
      error.value = e instanceof ApiError && e.reason !== 'network' ? (e.problem?.detail ?? e.message) : t('knowledge.offlineEdit')
      return false
    }
  }

  return { form, language, state, error, fieldErrors, original, start, save, archive }
}
