import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { ApiError } from '@/api/http'
import { authApi } from './api'
import { ROLES, type Credentials, type Role, type SessionState, type User } from './types'

const USER_KEY = 'stormdesk.user'

function isUser(value: unknown): value is User {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return typeof v['username'] === 'string' && Array.isArray(v['roles'])
}

function loadUser(): User | null {
  try {
    const raw = localStorage.getItem(USER_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : null
    return isUser(parsed) ? parsed : null
  } catch {
    return null
  }
}

function onlyKnownRoles(user: User): User {
  return { ...user, roles: user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)) }
}

/**
 * Who is using this device. The person is remembered across restarts so the app opens offline;
 * a 401 from the server only marks the session expired: nothing recorded is dropped.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(loadUser())
  const expired = ref(false)

  const state = computed<SessionState>(() => (!user.value ? 'signed-out' : expired.value ? 'expired' : 'signed-in'))
  const username = computed(() => user.value?.username ?? null)

  function remember(next: User | null): void {
    user.value = next
    if (next) localStorage.setItem(USER_KEY, JSON.stringify(next))
    else localStorage.removeItem(USER_KEY)
  }

  async function login(credentials: Credentials): Promise<User> {
    await authApi.login(credentials)
    const me = onlyKnownRoles(await authApi.me())
    remember(me)
    expired.value = false
    return me
  }

  /** Asks the server who we are; offline, the remembered person stays. */
  async function confirm(): Promise<void> {
    if (!user.value) return
    try {
      const me = onlyKnownRoles(await authApi.me())
      if (me.username === user.value.username) {
        remember(me)
        expired.value = false
      } else {
        expired.value = true
      }
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'unauthorized') expired.value = true
    }
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } catch {
      // Offline or already signed out: the device forgets the person anyway.
    }
    remember(null)
    expired.value = false
  }

  function markExpired(): void {
    if (user.value) expired.value = true
  }

  function markValid(): void {
    expired.value = false
  }

  function hasRole(...roles: Role[]): boolean {
    return !!user.value && user.value.roles.some((r) => roles.includes(r))
  }

  return { user, expired, state, username, login, confirm, logout, markExpired, markValid, hasRole }
})
