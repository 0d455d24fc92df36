import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureHttp } from '@/api/http'
import { can, homePath } from '../roles'
import { useSessionStore } from '../store'
import type { User } from '../types'

const agent: User = { username: 'agent1', displayName: 'Agent One', roles: ['agent'], seat: 'A-01' }
const manager: User = { username: 'manager', displayName: 'Manager', roles: ['manager'] }

function respond(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('the session', () => {
  it('remembers the person after signing in, for an offline restart', async () => {
    const fetch = vi.fn(async (input: string) =>
      input.endsWith('/me') ? new Response(JSON.stringify(agent), { status: 200 }) : new Response('{}', { status: 200 }),
    )
    configureHttp({ fetch })
    await useSessionStore().login({ username: 'agent1', password: 'demo' })
    setActivePinia(createPinia())
    const restarted = useSessionStore()
    expect(restarted.state).toBe('signed-in')
    expect(restarted.user).toEqual(agent)
  })

  it('marks the session expired on a 401 but keeps the person', async () => {
    localStorage.setItem('stormdesk.user', JSON.stringify(agent))
    const session = useSessionStore()
    configureHttp({ fetch: respond(401, { title: 'Unauthorized' }), onUnauthorized: () => session.markExpired() })
    await session.confirm()
    expect(session.state).toBe('expired')
    expect(session.user?.username).toBe('agent1')
  })

  it('stays signed in when the server cannot be reached', async () => {
    localStorage.setItem('stormdesk.user', JSON.stringify(agent))
    const session = useSessionStore()
    configureHttp({ fetch: vi.fn(async () => Promise.reject(new TypeError('offline'))) })
    await session.confirm()
    expect(session.state).toBe('signed-in')
  })

  it('forgets the person on sign-out even offline', async () => {
    localStorage.setItem('stormdesk.user', JSON.stringify(agent))
    const session = useSessionStore()
    configureHttp({ fetch: vi.fn(async () => Promise.reject(new TypeError('offline'))) })
    await session.logout()
    expect(session.state).toBe('signed-out')
    expect(localStorage.getItem('stormdesk.user')).toBeNull()
  })
})

describe('roles', () => {
  it('lets managers resolve and acknowledge, agents neither', () => {
    expect(can(manager, 'resolve')).toBe(true)
    expect(can(manager, 'acknowledge')).toBe(true)
    expect(can(agent, 'resolve')).toBe(false)
    expect(can(agent, 'acknowledge')).toBe(false)
    expect(can({ ...agent, roles: ['supervisor'] }, 'resolve')).toBe(false)
    expect(can({ ...agent, roles: ['leadership'] }, 'note')).toBe(true)
  })

  it('sends agents to the report grid and everyone else to the board', () => {
    expect(homePath(agent)).toBe('/report')
    expect(homePath(manager)).toBe('/board')
    expect(homePath(null)).toBe('/login')
  })
})
