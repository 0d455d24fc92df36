import { computed, ref } from 'vue'
import { useKnowledgeStore } from '../store'
import { pick, search } from '../search'
import type { ArticleHit } from '../types'
import { useKnowledgeLanguage } from './use-knowledge-language'

/** The list screen: every article by product, or the hits of the query, searched on the device (online or not). */
export function useKnowledgeSearch() {
  const store = useKnowledgeStore()
  const lang = useKnowledgeLanguage()
  const query = ref('')
  const product = ref<string | null>(null)

  const hits = computed<ArticleHit[]>(() => {
    const pool = product.value ? store.articles.filter((a) => a.product === product.value) : store.articles
    if (query.value.trim()) return search(pool, query.value, lang.value)
    return [...pool]
      .map((article) => ({ article, title: pick(article.title, lang.value), snippet: '', score: 0 }))
      .sort((a, b) => a.article.product.localeCompare(b.article.product) || a.title.localeCompare(b.title))
  })

  return { store, lang, query, product, hits }
}
