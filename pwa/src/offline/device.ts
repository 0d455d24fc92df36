import type { StormdeskDb } from './db'
import { newId } from './ids'

/** This device's id, made once and kept with the outbox. */
export async function deviceId(db: StormdeskDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('device')
    if (row && typeof row.value === 'string') return row.value
    const id = `pwa-${newId()}`
    await db.meta.put({ key: 'device', value: id })
    return id
  })
}
