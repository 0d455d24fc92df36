import { createI18n } from 'vue-i18n'
import { Locale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import vantEnUS from 'vant/es/locale/lang/en-US'
import vantZhTW from 'vant/es/locale/lang/zh-TW'
import type zhCN from '@/locales/zh-CN.json'
import { MESSAGES } from './messages'

export const LOCALES = ['zh-CN', 'en', 'zh-TW'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

type MessageSchema = typeof zhCN

const VANT_LOCALES: Record<AppLocale, { name: string; messages: typeof vantEnUS }> = {
  'zh-CN': { name: 'zh-CN', messages: vantZhCN },
  en: { name: 'en-US', messages: vantEnUS },
  'zh-TW': { name: 'zh-TW', messages: vantZhTW },
}

const LOCALE_KEY = 'stormdesk.lang'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** A browser language tag mapped to one of ours: zh-TW/zh-HK/zh-Hant → zh-TW, other zh → zh-CN, en → en. */
export function matchLocale(tag: string): AppLocale | null {
  const lower = tag.toLowerCase()
  if (/^zh-(tw|hk|mo)|^zh-hant/.test(lower)) return 'zh-TW'
  if (lower.startsWith('zh')) return 'zh-CN'
  if (lower.startsWith('en')) return 'en'
  return null
}

/** The person's choice if made on this device, else the browser's language, else zh-CN. */
export function initialLocale(): AppLocale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_KEY)
  if (isAppLocale(stored)) return stored
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  for (const tag of tags) {
    const match = tag ? matchLocale(tag) : null
    if (match) return match
  }
  return DEFAULT_LOCALE
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: MESSAGES as unknown as Record<AppLocale, MessageSchema>,
})

/** Switches the app's words and Vant's own together, and remembers the choice. */
export function setLocale(locale: AppLocale, remember = true): void {
  i18n.global.locale.value = locale
  const vant = VANT_LOCALES[locale]
  Locale.use(vant.name, vant.messages)
  if (remember) localStorage.setItem(LOCALE_KEY, locale)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}
