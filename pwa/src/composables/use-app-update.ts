import { useRegisterSW } from 'virtual:pwa-register/vue'

type Registration = ReturnType<typeof useRegisterSW>
let registration: Registration | null = null

const HOURLY = 60 * 60 * 1000

/**
 * Registers the service worker once for the whole app, whatever screen opens first (the login page
 * too), so that the app shell and the procedures are on the device after one online visit.
 * A new version waits until the person says "reload": the app never reloads by itself.
 */
export function registerAppServiceWorker(): Registration {
  registration ??= useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, sw) {
      if (sw) setInterval(() => void sw.update(), HOURLY)
    },
  })
  return registration
}

/** The waiting new version, for the prompt that offers to reload. */
export function useAppUpdate() {
  const { needRefresh, offlineReady, updateServiceWorker } = registerAppServiceWorker()
  return {
    needRefresh,
    offlineReady,
    reload: () => updateServiceWorker(true),
    later: () => {
      needRefresh.value = false
    },
  }
}
