import { describe, expect, it } from 'vitest'
import { bySite, skillsOf } from '../group'
import type { Shift } from '../types'

const shift = (username: string, site: string, position: Shift['position']): Shift => ({
  id: username,
  username,
  displayName: username,
  site,
  startsAt: '2026-11-29T00:00:00Z',
  endsAt: '2026-11-30T00:00:00Z',
  position,
  skills: [],
})

describe('who is on shift where', () => {
  it('groups by site, then by position and name', () => {
    const groups = bySite([shift('b', 'hq', 'outbound'), shift('a', 'annex', 'inbound'), shift('c', 'hq', 'inbound')])
    expect(groups.map((g) => g.site)).toEqual(['annex', 'hq'])
    expect(groups[1]?.shifts.map((s) => s.username)).toEqual(['c', 'b'])
  })

  it('reads skills typed with commas, semicolons or spaces', () => {
    expect(skillsOf('voice, chat;en  zh，粤语')).toEqual(['voice', 'chat', 'en', 'zh', '粤语'])
  })
})
