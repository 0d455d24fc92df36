import { describe, expect, it } from 'vitest'
import { chartPaths, ratioText } from '../composables/use-chart'
import { checkFlag } from '../composables/use-flag'
import { minutes } from '../composables/use-feedback-desk'

describe('the rise chart', () => {
  it('draws now and normal on one scale topped by the highest value', () => {
    const paths = chartPaths(
      [
        { at: 'a', current: 2, expected: 2 },
        { at: 'b', current: 8, expected: 2 },
      ],
      100,
      40,
    )
    expect(paths.max).toBe(8)
    expect(paths.current).toBe('0.0,30.0 100.0,0.0')
    expect(paths.expected).toBe('0.0,30.0 100.0,30.0')
  })

  it('draws nothing for no points and never divides by zero', () => {
    expect(chartPaths([], 100, 40)).toEqual({ current: '', expected: '', max: 1 })
  })

  it('reads a rise as people say it', () => {
    expect(ratioText(4.23)).toBe('×4.2')
    expect(ratioText(12.6)).toBe('×13')
    expect(minutes(125)).toBe(2)
  })
})

describe("an agent's flag", () => {
  it('needs a few words, at most 500 characters, and a reason code the server takes', () => {
    expect(checkFlag({ text: '  ', reason: '', product: '' })).toBe('empty')
    expect(checkFlag({ text: 'x'.repeat(501), reason: '', product: '' })).toBe('tooLong')
    expect(checkFlag({ text: '无法登录', reason: 'log in', product: '' })).toBe('reason')
    expect(checkFlag({ text: '无法登录', reason: 'LOGIN', product: 'app' })).toBeNull()
  })
})
