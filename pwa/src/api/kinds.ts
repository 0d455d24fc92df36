/** The eight incident kinds of the specification, in its order (GET /api/meta/kinds). */
export const INCIDENT_KINDS = ['equipment', 'system', 'power', 'aircon', 'fire', 'website', 'surge', 'media'] as const

export type IncidentKind = (typeof INCIDENT_KINDS)[number]

/** Vant icon names for each kind. */
export const KIND_ICONS: Record<IncidentKind, string> = {
  equipment: 'desktop-o',
  system: 'cluster-o',
  power: 'bulb-o',
  aircon: 'hot-o',
  fire: 'fire-o',
  website: 'link-o',
  surge: 'phone-o',
  media: 'bullhorn-o',
}

export function isIncidentKind(value: unknown): value is IncidentKind {
  return typeof value === 'string' && (INCIDENT_KINDS as readonly string[]).includes(value)
}
