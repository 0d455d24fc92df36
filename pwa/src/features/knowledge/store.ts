import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { readCache, writeCache } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { knowledgeApi } from './api'
import type { Article, KnowledgeSource } from './types'

/** The device's copy of the whole knowledge base, in IndexedDB under this key. */
export const KNOWLEDGE_KEY = 'knowledge:articles'

function isArticleList(value: unknown): value is Article[] {
  return Array.isArray(value) && value.every((a) => typeof a === 'object' && a !== null && 'id' in a && 'title' in a && 'body' in a)
}

/**
 * The knowledge base as the app holds it: the whole of it on the device (IndexedDB), refreshed from the server
 * whenever it answers, so that agents read and search it the same with or without a network (S2.3).
 */
export const useKnowledgeStore = defineStore('knowledge', () => {
  const db = appDb()
  const articles = shallowRef<Article[]>([])
  const source = ref<KnowledgeSource | null>(null)
  const savedAt = ref<string | null>(null)
  const loaded = ref(false)

  async function readDevice(): Promise<void> {
    const kept = await readCache<Article[]>(db, KNOWLEDGE_KEY)
    if (kept && isArticleList(kept.value) && source.value !== 'server') {
      articles.value = kept.value
      source.value = 'device'
      savedAt.value = kept.savedAt
    }
  }

  /** The device's copy at once, then the server's when it answers. */
  async function load(): Promise<void> {
    if (!loaded.value) await readDevice()
    loaded.value = true
    await refresh()
  }

  async function refresh(): Promise<boolean> {
    try {
      const fresh = await knowledgeApi.all()
      if (!isArticleList(fresh)) return false
      const saved = await writeCache(db, KNOWLEDGE_KEY, fresh)
      articles.value = fresh
      source.value = 'server'
      savedAt.value = saved.savedAt
      return true
    } catch {
      return false
    }
  }

  /** After a save: the article replaces its old copy on the device too. */
  async function keep(article: Article): Promise<void> {
    const next = [article, ...articles.value.filter((a) => a.id !== article.id)]
    articles.value = next
    await writeCache(db, KNOWLEDGE_KEY, next)
  }

  async function forget(id: string): Promise<void> {
    const next = articles.value.filter((a) => a.id !== id)
    articles.value = next
    await writeCache(db, KNOWLEDGE_KEY, next)
  }

  const products = computed(() => [...new Set(articles.value.map((a) => a.product))].sort())
  const byId = (id: string) => articles.value.find((a) => a.id === id) ?? null

  return { articles, source, savedAt, loaded, products, load, refresh, keep, forget, byId }
})
