import { computed, ref } from 'vue'
import { installPrompt, runningInstalled } from '@/app/pwa'

/** "Install to home screen": the browser's own prompt when it offers one, a hint otherwise. */
export function useInstall() {
  const installed = ref(runningInstalled())
  const installable = computed(() => installPrompt.value !== null)

  async function install(): Promise<void> {
    const prompt = installPrompt.value
    if (!prompt) return
    await prompt.prompt()
    const choice = await prompt.userChoice
    if (choice.outcome === 'accepted') installed.value = true
    installPrompt.value = null
  }

  return { installed, installable, install }
}
