import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { fieldErrors, toDraft, toUpdate } from '../composables/use-channels'
import type { ChannelConfig } from '../types'

const email: ChannelConfig = {
  channel: 'email',
  enabled: true,
  group: false,
  settings: { host: 'smtp.example.com', port: 2525, from: 'desk@example.com', starttls: true },
  secrets: { password: true },
}

describe('a channel form', () => {
  it('shows settings as typed values and secrets only as set or not', () => {
    const draft = toDraft(email)
    expect(draft.values).toEqual({ host: 'smtp.example.com', port: '2525', from: 'desk@example.com', username: '', starttls: true, ssl: false })
    expect(draft.secretsSet).toEqual({ password: true })
    expect(draft.secrets).toEqual({ password: null })
  })

  it('sends numbers as numbers, empty fields as removals, and a secret only once replaced', () => {
    const draft = toDraft(email)
    expect(toUpdate(draft)).toEqual({
      channel: 'email',
      enabled: true,
      settings: { host: 'smtp.example.com', port: 2525, from: 'desk@example.com', username: null, starttls: true, ssl: false },
    })
    draft.secrets['password'] = ''
    expect(toUpdate(draft).settings).not.toHaveProperty('password')
    draft.secrets['password'] = 's3cret'
    expect(toUpdate(draft).settings?.['password']).toBe('s3cret')
  })

  it('puts each of the server’s field errors next to its field', () => {
    const error = new ApiError('client', 400, {
      status: 400,
      errors: [
        { field: 'email.host', message: 'Required' },
        { field: 'email.port', message: 'From 1 to 65535' },
      ],
    })
    expect(fieldErrors(error, 'email')).toEqual({ host: 'Required', port: 'From 1 to 65535' })
    expect(fieldErrors(new ApiError('server', 500, null), 'email')).toBeNull()
  })
})
