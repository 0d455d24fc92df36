import { describe, expect, it } from 'vitest'
import { labelEvery, niceMax, stack } from '../composables/chart'
import { centerToday, defaultFilter, keysOf, minutes } from '../composables/use-reports'
import { localDay, withIds } from '../composables/use-review'

describe('plain-SVG charts', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1)
    expect(niceMax(3)).toBe(5)
    expect(niceMax(7)).toBe(10)
    expect(niceMax(12)).toBe(20)
    expect(niceMax(200)).toBe(200)
    expect(niceMax(201)).toBe(500)
  })

  it('stacks segments bottom up within the box, scaled to the round maximum', () => {
    const rects = stack([{ label: 'a', segments: [{ key: 'system', value: 2 }, { key: 'power', value: 3 }] }, { label: 'b', segments: [] }], 200, 100)
    expect(rects).toHaveLength(2)
    // maximum 5 -> 100 px: system 2 -> 40 px at the bottom, power 3 -> 60 px above it
    expect(rects[0]).toMatchObject({ key: 'system', y: 60, h: 40, column: 0 })
    expect(rects[1]).toMatchObject({ key: 'power', y: 0, h: 60, column: 0 })
  })

  it('prints every n-th label so that they fit', () => {
    expect(labelEvery(5, 6)).toBe(1)
    expect(labelEvery(30, 6)).toBe(5)
  })
})

describe('reports in the center’s time zone and the reader’s locale', () => {
  it('takes today in Asia/Shanghai, whatever the device says', () => {
    // 2026-03-01 17:30 UTC is already 2 March in Shanghai
    expect(centerToday(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02')
    expect(defaultFilter(new Date('2026-03-01T17:30:00Z'))).toEqual({ from: '2026-02-01', to: '2026-03-02', site: '', kind: '' })
  })

  it('shows seconds as minutes with the reader’s decimal mark', () => {
    expect(minutes(90, 'en')).toBe('1.5')
    expect(minutes(90, 'de')).toBe('1,5')
    expect(minutes(undefined, 'en')).toBe('–')
  })

  it('collects the keys of the stacked series', () => {
    expect(keysOf([[{ key: 'system', count: 1 }], [{ key: 'power', count: 2 }, { key: 'system', count: 1 }]])).toEqual(['power', 'system'])
  })
})

describe('reviews', () => {
  it('gives new actions an id once, and keeps the ids of those it has', () => {
    let n = 0
    const draft = withIds(
      { whatHappened: 'x', impact: '', wentWell: '', toChange: '', actions: [{ id: 'kept', text: 'a', owner: 'o', due: '2026-01-01' }, { text: 'b', owner: 'o', due: '2026-01-01' }] },
      () => `new-${++n}`,
    )
    expect(draft.actions.map((a) => a.id)).toEqual(['kept', 'new-1'])
    expect(withIds(draft, () => 'again').actions.map((a) => a.id)).toEqual(['kept', 'new-1'])
  })
})

describe('due dates', () => {
  it('reads in the reader’s locale and stays the same day', () => {
    expect(localDay('2026-03-02', 'en')).toBe('Mar 2, 2026')
    expect(localDay('2026-03-02', 'zh-CN')).toBe('2026年3月2日')
  })
})
