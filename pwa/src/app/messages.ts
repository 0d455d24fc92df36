import zhCN from '@/locales/zh-CN.json'
import en from '@/locales/en.json'
import zhTW from '@/locales/zh-TW.json'

export type Messages = { [key: string]: string | Messages }

/**
 * The app's words: the shared ones in `src/locales/`, and each feature's own in
 * `src/features/<feature>/locales/<lang>.json`, so a feature brings its texts with it.
 * A feature's file holds its keys under its own top-level name (e.g. `{ "capture": { ... } }`).
 */
const featureFiles = import.meta.glob<{ default: Messages }>('../features/*/locales/*.json', { eager: true })

function merge(into: Messages, from: Messages, path: string): Messages {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key]
    if (typeof value === 'object' && typeof existing === 'object') {
      merge(existing, value, `${path}${key}.`)
    } else if (existing !== undefined) {
      throw new Error(`message key ${path}${key} is defined twice`)
    } else {
      into[key] = typeof value === 'object' ? merge({}, value, `${path}${key}.`) : value
    }
  }
  return into
}

function build(lang: string, shared: Messages): Messages {
  const all = merge({}, shared, '')
  for (const [file, module] of Object.entries(featureFiles)) {
    if (file.endsWith(`/locales/${lang}.json`)) merge(all, module.default, '')
  }
  return all
}

export const MESSAGES = {
  'zh-CN': build('zh-CN', zhCN as Messages),
  en: build('en', en as Messages),
  'zh-TW': build('zh-TW', zhTW as Messages),
} as const
