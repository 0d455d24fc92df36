import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { showConfirmDialog } from 'vant'
import { useOutboxStore } from '@/offline/store'
import { useSessionStore } from '../store'

/** Signs out; if entries are still waiting, says they stay on this device and asks first. */
export function useSignOut() {
  const { t } = useI18n()
  const router = useRouter()
  const session = useSessionStore()
  const outbox = useOutboxStore()

  async function signOut(): Promise<void> {
    if (outbox.waitingCount > 0) {
      try {
        await showConfirmDialog({
          title: t('me.signOutWaitingTitle'),
          message: t('me.signOutWaiting', outbox.waitingCount),
          confirmButtonText: t('me.signOut'),
          cancelButtonText: t('common.cancel'),
        })
      } catch {
        return
      }
    }
    await session.logout()
    await router.replace('/login')
  }

  return { signOut }
}
