import { onBeforeUnmount, onMounted, ref } from 'vue'

/** The current time, ticking every `everyMs` (a minute by default) while the component lives. */
export function useNow(everyMs = 60_000) {
  const now = ref(new Date())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(() => {
      now.value = new Date()
    }, everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
