import { ref } from 'vue'

interface InstallPromptEvent extends Event {
  prompt: () => Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

/** The browser's offer to install the app, kept from the moment it fires (often before any screen asks). */
export const installPrompt = ref<InstallPromptEvent | null>(null)

export function listenForInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault()
    installPrompt.value = event as InstallPromptEvent
  })
  window.addEventListener('appinstalled', () => {
    installPrompt.value = null
  })
}

export function runningInstalled(): boolean {
  return window.matchMedia?.('(display-mode: standalone)').matches ?? false
}
