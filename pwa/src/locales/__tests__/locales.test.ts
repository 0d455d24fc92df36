import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INCIDENT_KINDS } from '@/api/kinds'
import { ROLES } from '@/features/auth/types'
import { MESSAGES, type Messages } from '@/app/messages'

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  )
}

const locales: Record<string, Messages> = MESSAGES
const all = new Set(Object.values(locales).flatMap((m) => keys(m)))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sourceFiles(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

describe('translations', () => {
  it.each(Object.keys(locales))('%s has every key that any language has', (lang) => {
    const own = new Set(keys(locales[lang] ?? {}))
    expect([...all].filter((k) => !own.has(k))).toEqual([])
  })

  it.each(Object.keys(locales))('%s has no empty message', (lang) => {
    const flat = keys(locales[lang] ?? {})
    const empty = flat.filter((k) => {
      const value = k.split('.').reduce<string | Messages | undefined>((m, p) => (typeof m === 'object' ? m[p] : undefined), locales[lang])
      return typeof value !== 'string' || value.trim() === ''
    })
    expect(empty).toEqual([])
  })

  it('names every incident kind and role', () => {
    for (const kind of INCIDENT_KINDS) expect(all).toContain(`kinds.${kind}`)
    for (const role of ROLES) expect(all).toContain(`roles.${role}`)
  })

  it('has a message for every literal key the code asks for', () => {
    const root = join(__dirname, '..', '..')
    const used = new Set<string>()
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf-8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1] ?? '')
      for (const match of readFileSync(file, 'utf-8').matchAll(/(?:title|formError\.value) = '([a-z]+\.[\w.]+)'/g)) used.add(match[1] ?? '')
      for (const match of readFileSync(file, 'utf-8').matchAll(/title: '([a-z]+\.[\w.]+)'/g)) used.add(match[1] ?? '')
    }
    expect(used.size).toBeGreaterThan(50)
    expect([...used].filter((k) => !all.has(k))).toEqual([])
  })
})
