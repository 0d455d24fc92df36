import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { KNOWLEDGE_LANGUAGES, type KnowledgeLanguage } from '../types'

/** The app's language as one an article is read in. */
export function knowledgeLanguage(locale: string): KnowledgeLanguage {
  return (KNOWLEDGE_LANGUAGES as readonly string[]).includes(locale) ? (locale as KnowledgeLanguage) : 'zh-CN'
}

export function useKnowledgeLanguage() {
  const { locale } = useI18n()
  return computed(() => knowledgeLanguage(locale.value))
}
