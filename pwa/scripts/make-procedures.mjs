// Turns the specification's Markdown (zh-Hans, en, zh-Hant) into the JSON copies the app bundles
// for offline reading: node scripts/make-procedures.mjs <folder holding zh-Hans.md, en.md, zh-Hant.md>
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const KINDS = ['equipment', 'system', 'power', 'aircon', 'fire', 'website', 'surge', 'media']
const SOURCES = { 'zh-CN': 'zh-Hans.md', en: 'en.md', 'zh-TW': 'zh-Hant.md' }
const folder = process.argv[2]
if (!folder) {
  console.error('usage: node scripts/make-procedures.mjs <folder>')
  process.exit(1)
}

function paragraphs(lines) {
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p && !/^\(.*\)$/.test(p))
}

for (const [lang, file] of Object.entries(SOURCES)) {
  const lines = readFileSync(join(folder, file), 'utf-8').split('\n')
  let title = ''
  const intro = []
  const sections = []
  for (const line of lines) {
    if (line.startsWith('# ')) title = line.slice(2).trim()
    else if (line.startsWith('## ')) {
      const heading = line.slice(3).trim().replace(/^([0-9]+\.|[一二三四五六七八]、)\s*/, '')
      sections.push({ number: sections.length + 1, kind: KINDS[sections.length], title: heading, lines: [] })
    } else if (sections.length) sections[sections.length - 1].lines.push(line)
    else intro.push(line)
  }
  if (sections.length !== 8) throw new Error(`${file}: expected 8 sections, found ${sections.length}`)
  const doc = {
    lang,
    version: '1',
    title,
    intro: paragraphs(intro).join('\n\n'),
    sections: sections.map(({ lines: body, ...s }) => ({ ...s, paragraphs: paragraphs(body) })),
  }
  writeFileSync(new URL(`../src/features/procedure/data/${lang}.json`, import.meta.url), JSON.stringify(doc, null, 2) + '\n')
  console.log(lang, doc.sections.map((s) => s.title).join(' | '))
}
