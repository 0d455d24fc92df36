import type { Shift } from './types'

/** Shifts grouped by site, then sorted by position and name: who is on where. */
export function bySite(shifts: readonly Shift[]): { site: string; shifts: Shift[] }[] {
  const groups = new Map<string, Shift[]>()
  for (const s of shifts) groups.set(s.site, [...(groups.get(s.site) ?? []), s])
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, list]) => ({
      site,
      shifts: [...list].sort((a, b) => a.position.localeCompare(b.position) || a.displayName.localeCompare(b.displayName)),
    }))
}

/** Skills as the person types them ("voice, chat") as the list the server takes. */
export function skillsOf(text: string): string[] {
  return text
    .split(/[,;，；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}
