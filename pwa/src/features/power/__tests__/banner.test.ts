import { beforeEach, describe, expect, it } from 'vitest'
import { bannerOf, dismiss, readDismissed } from '../banner'
import type { Announcement } from '../types'

const a = (id: string, active: boolean): Announcement => ({ id, text: id, postedBy: 'manager', postedAt: '2026-11-29T08:00:00Z', active })

describe('the announcement banner', () => {
  beforeEach(() => localStorage.clear())

  it('shows the newest active announcement the person has not dismissed', () => {
    const list = [a('new', true), a('older', true), a('old', false)]
    expect(bannerOf(list, [])?.id).toBe('new')
    expect(bannerOf(list, ['new'])?.id).toBe('older')
    expect(bannerOf(list, ['new', 'older'])).toBeNull()
  })

  it('remembers what was dismissed on this device', () => {
    dismiss('x')
    dismiss('y')
    expect(readDismissed()).toEqual(['y', 'x'])
  })
})
