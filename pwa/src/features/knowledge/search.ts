import type { Article, ArticleHit, KnowledgeLanguage, Texts } from './types'

/*
 * The same search as the server's (org.stormdesk.knowledge.KnowledgeSearch), so that it works on the device offline.
 * Chinese has no spaces between words: each run of Chinese characters is cut into overlapping pairs (bigrams), and a
 * query is cut the same way, so any two-character word of the query finds the articles that contain it without a
 * dictionary. Latin text is split into lower-case words, a plural s taken off. An article matches when at least half
 * of the query's distinct tokens occur in it; title ×3, tags and product ×2, body ×1.
 */

const TITLE = 3
const TAG = 2
const BODY = 1

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2fa1f)
  )
}

function isLetterOrDigit(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch)
}

export function tokens(text: string, withSingles: boolean): Set<string> {
  const out = new Set<string>()
  let word = ''
  let run: string[] = []
  const flushWord = () => {
    if (!word) return
    let w = word.toLowerCase()
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1)
    out.add(w)
    word = ''
  }
  const flushRun = () => {
    if (run.length === 0) return
    if (run.length === 1 || withSingles) run.forEach((c) => out.add(c))
    for (let k = 0; k + 1 < run.length; k++) out.add(run[k]! + run[k + 1]!)
    run = []
  }
  for (const ch of [...text, ' ']) {
    const cp = ch.codePointAt(0) ?? 32
    if (isCjk(cp)) {
      flushWord()
      run.push(ch)
    } else {
      flushRun()
      if (isLetterOrDigit(ch)) word += ch.toLowerCase()
      else flushWord()
    }
  }
  return out
}

/** A text in a language, Traditional Chinese falling back to Simplified, then to any. */
export function pick(texts: Texts, lang: KnowledgeLanguage): string {
  return texts[lang] ?? (lang === 'zh-TW' ? texts['zh-CN'] : undefined) ?? texts['zh-CN'] ?? texts.en ?? Object.values(texts)[0] ?? ''
}

function cut(s: string): string {
  return s.length <= 160 ? s : `${s.slice(0, 159)}…`
}

export function snippet(body: string, wanted: Set<string>): string {
  let first: string | null = null
  for (const line of body.split('\n')) {
    const plain = line.replace(/[#>*_`[\]|]/g, '').replace(/\(https?:\/\/[^)]*\)/g, '').trim()
    if (!plain) continue
    first ??= plain
    const lineTokens = tokens(plain, true)
    if ([...wanted].some((t) => lineTokens.has(t))) return cut(plain)
  }
  return first === null ? '' : cut(first)
}

interface Indexed {
  title: Set<string>
  body: Set<string>
  tags: Set<string>
}

const index = new WeakMap<Article, Indexed>()

function indexed(a: Article): Indexed {
  let i = index.get(a)
  if (!i) {
    const title = new Set<string>()
    const body = new Set<string>()
    Object.values(a.title).forEach((t) => tokens(t ?? '', true).forEach((x) => title.add(x)))
    Object.values(a.body).forEach((t) => tokens(t ?? '', true).forEach((x) => body.add(x)))
    i = { title, body, tags: tokens(`${a.tags.join(' ')} ${a.product}`, true) }
    index.set(a, i)
  }
  return i
}

/** The articles that match, best first. */
export function search(articles: readonly Article[], query: string, lang: KnowledgeLanguage): ArticleHit[] {
  const wanted = tokens(query, false)
  if (wanted.size === 0) return []
  const needed = Math.max(1, Math.ceil(wanted.size / 2))
  const hits: ArticleHit[] = []
  for (const a of articles) {
    const i = indexed(a)
    let score = 0
    let matched = 0
    for (const t of wanted) {
      const s = (i.title.has(t) ? TITLE : 0) + (i.tags.has(t) ? TAG : 0) + (i.body.has(t) ? BODY : 0)
      if (s > 0) {
        matched++
        score += s
      }
    }
    if (matched >= needed) {
      score *= matched / wanted.size
      hits.push({ article: a, title: pick(a.title, lang), snippet: snippet(pick(a.body, lang), wanted), score })
    }
  }
  return hits.sort((x, y) => y.score - x.score || x.title.localeCompare(y.title))
}
