import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, configureHttp } from '@/api/http'
import { appDb } from '@/offline/db'
import { json } from '@/offline/__tests__/fake-server'
import { useInboxStore } from '../store'
import type { Inbox, Notice } from '../types'

const notice = (id: string, read = false, extra: Partial<Notice> = {}): Notice => ({
  id,
  kind: 'escalation.fired',
  incident: 'inc-1',
  text: `notice ${id}`,
  createdAt: '2026-11-29T08:30:00Z',
  read,
  ...extra,
})

let inbox: Inbox
let online: boolean
let reads: string[]

beforeEach(async () => {
  localStorage.clear()
  localStorage.setItem('stormdesk.user', JSON.stringify({ username: 'leader', displayName: 'Leader', roles: ['leadership'] }))
  setActivePinia(createPinia())
  await appDb().cache.clear()
  inbox = { unread: 2, notices: [notice('n2'), notice('n1'), notice('n0', true)] }
  online = true
  reads = []
  configureHttp({
    fetch: async (input: string, init?: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch')
      if (input === '/api/notify/inbox') return json(inbox)
      const read = /^\/api\/notify\/inbox\/([^/]+)\/read$/.exec(input)
      if (read && init?.method === 'POST') {
        reads.push(read[1] ?? '')
        inbox = { unread: inbox.unread - 1, notices: inbox.notices.map((n) => (n.id === read[1] ? { ...n, read: true } : n)) }
        return json(inbox)
      }
      return json({}, 404)
    },
  })
})

describe('the inbox', () => {
  it('counts unread notices for the bell', async () => {
    const store = useInboxStore()
    expect(store.badge).toBe('')
    await store.refresh()
    expect(store.state).toBe('ready')
    expect(store.unread).toBe(2)
    expect(store.badge).toBe('2')
    expect(store.notices.map((n) => n.id)).toEqual(['n2', 'n1', 'n0'])
  })

  it('marks a notice read at once and takes the server’s inbox after', async () => {
    const store = useInboxStore()
    await store.refresh()
    await store.markRead('n1')
    expect(reads).toEqual(['n1'])
    expect(store.unread).toBe(1)
    expect(store.notices.find((n) => n.id === 'n1')?.read).toBe(true)
    await store.markRead('n1')
    expect(reads).toEqual(['n1'])
  })

  it('shows the last inbox offline, marked as a copy', async () => {
    await useInboxStore().refresh()
    online = false
    setActivePinia(createPinia())
    const store = useInboxStore()
    await store.refresh()
    expect(store.state).toBe('cached')
    expect(store.unread).toBe(2)
  })

  it('says when there is nothing to show and the server cannot be reached', async () => {
    online = false
    const store = useInboxStore()
    await store.refresh()
    expect(store.state).toBe('failed')
    expect(new ApiError('network', 0, null)).toBeInstanceOf(Error)
  })

  it('caps the badge at 99+', async () => {
    inbox = { unread: 120, notices: [] }
    const store = useInboxStore()
    await store.refresh()
    expect(store.badge).toBe('99+')
  })
})
