import { describe, expect, it } from 'vitest'
import { checkDraft, normalizePhone } from '../rules'
import { emptyDraft, nextFormNo, toDraft, toDueInput, toPayload } from '../composables/use-capture-form'
import type { CaptureDraft } from '../types'

const NOW = new Date('2026-11-29T08:00:00Z')

function good(): CaptureDraft {
  return {
    ...emptyDraft(),
    name: '王芳',
    phone: '138 0013 8000',
    matter: 'Charged twice',
    category: 'billing',
    callbackPromised: true,
    callbackDueAt: toDueInput(new Date(NOW.getTime() + 2 * 3600 * 1000)),
  }
}

describe('the capture rules (the same as the server)', () => {
  it('takes mainland numbers without prefix and international ones with +', () => {
    expect(normalizePhone('13800138000')).toBe('+8613800138000')
    expect(normalizePhone('021-5555 0100')).toBe('+862155550100')
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958')
    expect(normalizePhone('12345')).toBeNull()
    expect(normalizePhone('1380013800')).toBeNull()
    expect(normalizePhone('44 20 7946 0958')).toBeNull()
    expect(normalizePhone('call me')).toBeNull()
  })

  it('accepts a complete draft and names each field at fault', () => {
    expect(checkDraft(good(), NOW)).toEqual([])
    const bad = { ...good(), name: ' ', phone: '12345', matter: 'x'.repeat(2001), category: '' as const }
    expect(checkDraft(bad, NOW).map((e) => `${e.field}:${e.key}`)).toEqual([
      'name:required',
      'phone:phone',
      'matter:tooLong',
      'category:category',
    ])
  })

  it('wants a sensible time when a callback is promised', () => {
    expect(checkDraft({ ...good(), callbackDueAt: '' }, NOW)[0]?.key).toBe('dueMissing')
    const past = toDueInput(new Date(NOW.getTime() - 3600 * 1000))
    expect(checkDraft({ ...good(), callbackDueAt: past }, NOW)[0]?.key).toBe('dueRange')
    const far = toDueInput(new Date(NOW.getTime() + 31 * 24 * 3600 * 1000))
    expect(checkDraft({ ...good(), callbackDueAt: far }, NOW)[0]?.key).toBe('dueRange')
    expect(checkDraft({ ...good(), callbackPromised: false, callbackDueAt: past }, NOW)).toEqual([])
  })

  it('fills and reads the callback time as the center’s wall time, whatever the device’s time zone', () => {
    // 10:00 UTC is 18:00 in Shanghai; the field, the payload and a refused payload back in the form agree on it
    expect(toDueInput(new Date('2026-11-29T10:00:00Z'))).toBe('2026-11-29T18:00')
    const payload = toPayload({ ...good(), callbackDueAt: '2026-11-29T18:00' }, 'panel')
    expect(payload.callbackDueAt).toBe('2026-11-29T10:00:00.000Z')
    expect(toDraft(payload).callbackDueAt).toBe('2026-11-29T18:00')
    // two hours after 08:00 UTC is 18:00 in Shanghai: in range; 15:00 there is before the record: out of range
    expect(checkDraft({ ...good(), callbackDueAt: '2026-11-29T18:00' }, NOW)).toEqual([])
    expect(checkDraft({ ...good(), callbackDueAt: '2026-11-29T15:00' }, NOW)[0]?.key).toBe('dueRange')
  })

  it('sends the phone in E.164 and only the fields given, and a refused payload comes back into the form', () => {
    const payload = toPayload({ ...good(), paperFormNo: 'A-7' }, 'panel', 'inc-1')
    expect(payload).toMatchObject({ incidentId: 'inc-1', phone: '+8613800138000', category: 'billing', source: 'panel' })
    expect(payload).not.toHaveProperty('accountId')
    expect(payload).not.toHaveProperty('paperFormNo')
    const paper = toPayload({ ...good(), callbackPromised: false, paperFormNo: 'A-7' }, 'paper')
    expect(paper).toMatchObject({ source: 'paper', paperFormNo: 'A-7', callbackPromised: false })
    expect(paper).not.toHaveProperty('callbackDueAt')
    expect(toDraft(payload).phone).toBe('+8613800138000')
  })

  it('moves the paper form number on', () => {
    expect(nextFormNo('A-0041')).toBe('A-0042')
    expect(nextFormNo('7')).toBe('8')
    expect(nextFormNo('none')).toBe('')
  })
})
