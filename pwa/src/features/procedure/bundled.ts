import type { ProcedureDocument } from './types'

// Built into the app (and so precached by the service worker): readable offline from the very first visit.
const copies = import.meta.glob<ProcedureDocument>('./data/*.json', { import: 'default' })

export async function bundledProcedures(lang: string): Promise<ProcedureDocument> {
  const load = copies[`./data/${lang}.json`] ?? copies['./data/zh-CN.json']
  if (!load) throw new Error(`no bundled procedures for ${lang}`)
  return load()
}

export function isProcedureDocument(value: unknown): value is ProcedureDocument {
  if (!value || typeof value !== 'object') return false
  const doc = value as Partial<ProcedureDocument>
  return typeof doc.title === 'string' && Array.isArray(doc.sections) && doc.sections.length > 0
}
