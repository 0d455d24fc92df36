import { describe, expect, it } from 'vitest'
import { keyBytes, sha256Hex } from '../push'

describe('web push helpers', () => {
  it('turn the server key (base64url, no padding) into the 65 bytes of an uncompressed P-256 point', () => {
    const bytes = new Uint8Array(65)
    bytes[0] = 4
    for (let i = 1; i < 65; i++) bytes[i] = (i * 37) % 256
    const base64url = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    expect(base64url).not.toContain('=')
    expect([...keyBytes(base64url)]).toEqual([...bytes])
  })

  it('name a device as the server does: the SHA-256 of its endpoint in hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
