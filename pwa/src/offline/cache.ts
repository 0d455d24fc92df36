import type { StormdeskDb } from './db'

/**
 * Cache rules, one place for every feature: the last good answer of a read is kept in IndexedDB
 * under a key and shown, with its time, when the network cannot answer.
 */
export const CACHE_KEYS = {
  seats: 'seats',
  board: 'board',
  procedures: (lang: string) => `procedures:${lang}`,
  incident: (id: string) => `incident:${id}`,
  log: (id: string) => `log:${id}`,
  playbook: (id: string, lang: string) => `playbook:${id}:${lang}`,
  inbox: (user: string) => `inbox:${user}`,
} as const

export interface Cached<T> {
  value: T
  savedAt: string
}

export async function readCache<T>(db: StormdeskDb, key: string): Promise<Cached<T> | null> {
  const row = await db.cache.get(key)
  return row ? { value: row.value as T, savedAt: row.savedAt } : null
}

export async function writeCache<T>(db: StormdeskDb, key: string, value: T, now: Date = new Date()): Promise<Cached<T>> {
  const savedAt = now.toISOString()
  await db.cache.put({ key, value, savedAt })
  return { value, savedAt }
}

/**
 * Fresh from the network when it answers, else the last copy; the caller learns which.
 * Errors other than "cannot reach the server" still surface when nothing was cached.
 */
export async function networkFirst<T>(
  db: StormdeskDb,
  key: string,
  load: () => Promise<T>,
): Promise<Cached<T> & { fresh: boolean }> {
  try {
    const value = await load()
    return { ...(await writeCache(db, key, value)), fresh: true }
  } catch (error) {
    const cached = await readCache<T>(db, key)
    if (cached) return { ...cached, fresh: false }
    throw error
  }
}
