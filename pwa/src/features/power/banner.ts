import type { Announcement } from './types'

const DISMISSED_KEY = 'stormdesk.dismissedAnnouncements'

/** The announcement the banner shows: the newest active one the person has not dismissed. */
export function bannerOf(announcements: readonly Announcement[], dismissed: readonly string[]): Announcement | null {
  return announcements.find((a) => a.active && !dismissed.includes(a.id)) ?? null
}

export function readDismissed(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]')
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

export function dismiss(id: string): string[] {
  const next = [id, ...readDismissed().filter((d) => d !== id)].slice(0, 50)
  localStorage.setItem(DISMISSED_KEY, JSON.stringify(next))
  return next
}

/** Calm, short openings a manager can start from. */
export const TEMPLATE_KEYS = ['powerOut', 'restoring', 'restored', 'planned'] as const
