import { useRegisterSW } from 'virtual:pwa-register/vue'

type Registration = ReturnType<typeof useRegisterSW>
let registration: Registration | null = null

const HOURLY = 60 * 60 * 1000

/**
 * The service worker, registered once. A new version waits until the person says "reload":
 * the app never reloads by itself in the middle of a report.
 */
export function useAppUpdate() {
  registration ??= useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, sw) {
      if (sw) setInterval(() => void sw.update(), HOURLY)
    },
  })
  const { needRefresh, offlineReady, updateServiceWorker } = registration
  return {
    needRefresh,
    offlineReady,
    reload: () => updateServiceWorker(true),
    later: () => {
      needRefresh.value = false
    },
  }
}
