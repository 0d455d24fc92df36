import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { fieldErrors, hasRule, notWhole, ruleBody, siteBody, unshown, wholeNumber, zoneBody } from '../safety-admin'

describe('the request bodies of the safety setup', () => {
  it('a rule sends only the parts typed in', () => {
    expect(ruleBody('10', '1')).toEqual({ perSeats: 10, atLeast: 1 })
    expect(ruleBody('', '4')).toEqual({ atLeast: 4 })
    expect(ruleBody(' 25 ', '')).toEqual({ perSeats: 25 })
    expect(ruleBody('', '')).toEqual({})
  })

  it('zero is a value, not a blank', () => {
    expect(ruleBody('0', '0')).toEqual({ perSeats: 0, atLeast: 0 })
  })

  it('anything but digits is not a whole number, and the form names its field', () => {
    expect(wholeNumber('1.5')).toBeNaN()
    expect(wholeNumber('-3')).toBeNaN()
    expect(wholeNumber('')).toBeUndefined()
    expect(wholeNumber(7)).toBe(7)
    expect(notWhole(ruleBody('1.5', '2'))).toEqual(['perSeats'])
    expect(notWhole(ruleBody('3', '2'))).toEqual([])
  })

  it('a zone without a floor leaves the floor out; texts are trimmed', () => {
    expect(zoneBody({ name: ' 3F A ', floor: '  ' })).toEqual({ name: '3F A' })
    expect(zoneBody({ name: 'Stairwell', floor: ' 3F ' })).toEqual({ name: 'Stairwell', floor: '3F' })
    expect(siteBody({ name: ' HQ ', assemblyPoint: ' plaza ', procedure: '1. go\n' })).toEqual({
      name: 'HQ',
      assemblyPoint: 'plaza',
      procedure: '1. go',
    })
  })

  it('a kind only counted has no rule', () => {
    expect(hasRule({ atLeast: 0 })).toBe(false)
    expect(hasRule({ atLeast: 4 })).toBe(true)
    expect(hasRule({ perSeats: 10, atLeast: 0 })).toBe(true)
  })
})

describe('refusals by field', () => {
  const refused = new ApiError('client', 400, {
    title: 'Invalid',
    detail: 'Some fields are wrong',
    errors: [
      { field: 'perSeats', message: '每多少个座席一个：1 至 10000 的整数。' },
      { field: 'site', message: 'bad site' },
      { field: 'perSeats', message: 'second' },
    ],
  })

  it('each field gets its messages, in the words the server sent', () => {
    expect(fieldErrors(refused, 'offline')).toEqual({ perSeats: '每多少个座席一个：1 至 10000 的整数。 second', site: 'bad site' })
  })

  it('a refusal without fields, and no network, go with the form', () => {
    expect(fieldErrors(new ApiError('forbidden', 403, { detail: 'Not allowed' }), 'offline')).toEqual({ '': 'Not allowed' })
    expect(fieldErrors(new ApiError('network', 0, null, 'Failed to fetch'), 'No network')).toEqual({ '': 'No network' })
    expect(fieldErrors(new Error('boom'), 'x')).toEqual({ '': 'boom' })
  })

  it('messages of fields the form does not show are not lost', () => {
    expect(unshown(fieldErrors(refused, 'offline'), ['perSeats', 'atLeast', 'kind'])).toBe('bad site')
    expect(unshown({ '': 'No network', name: 'x' }, ['name'])).toBe('No network')
    expect(unshown({ name: 'x' }, ['name'])).toBe('')
  })
})
