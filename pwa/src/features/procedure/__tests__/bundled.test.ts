import { describe, expect, it } from 'vitest'
import { INCIDENT_KINDS } from '@/api/kinds'
import { bundledProcedures, isProcedureDocument } from '../bundled'

describe('the procedures built into the app', () => {
  it.each(['zh-CN', 'en', 'zh-TW'])('%s holds the eight sections in the specification’s order', async (lang) => {
    const doc = await bundledProcedures(lang)
    expect(isProcedureDocument(doc)).toBe(true)
    expect(doc.lang).toBe(lang)
    expect(doc.sections.map((s) => s.kind)).toEqual([...INCIDENT_KINDS])
    expect(doc.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    for (const section of doc.sections) {
      expect(section.title.trim()).not.toBe('')
      expect(section.paragraphs.length).toBeGreaterThan(0)
    }
  })

  it('keeps the 60-minute rule of system failures in every language', async () => {
    for (const lang of ['zh-CN', 'en', 'zh-TW']) {
      const doc = await bundledProcedures(lang)
      expect(doc.sections[1]?.paragraphs.join(' ')).toMatch(/60/)
    }
  })

  it('falls back to zh-CN for a language it does not have', async () => {
    expect((await bundledProcedures('fr')).lang).toBe('zh-CN')
  })
})
