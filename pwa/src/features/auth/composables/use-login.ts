import { computed, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { useOutboxStore } from '@/offline/store'
import { homePath } from '../roles'
import { useSessionStore } from '../store'
import type { LoginStatus } from '../types'

export function useLogin() {
  const session = useSessionStore()
  const route = useRoute()
  const router = useRouter()
  const username = ref(session.user?.username ?? (typeof route.query['username'] === 'string' ? route.query['username'] : ''))
  const password = ref('')
  const status = ref<LoginStatus>('idle')
  const canSubmit = computed(() => username.value.trim() !== '' && password.value !== '' && status.value !== 'submitting')

  async function submit(): Promise<void> {
    if (!canSubmit.value) return
    status.value = 'submitting'
    try {
      const user = await session.login({ username: username.value.trim(), password: password.value })
      status.value = 'idle'
      password.value = ''
      void useOutboxStore().sync('login')
      const redirect = route.query['redirect']
      await router.replace(typeof redirect === 'string' && redirect.startsWith('/') ? redirect : homePath(user))
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'unauthorized') status.value = 'refused'
      else if (error instanceof ApiError && (error.reason === 'network' || error.reason === 'server')) status.value = 'offline'
      else status.value = 'failed'
    }
  }

  return { username, password, status, canSubmit, submit }
}
