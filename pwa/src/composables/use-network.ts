import { onBeforeUnmount, onMounted, ref } from 'vue'

/** Whether the browser believes it is online, kept up to date. */
export function useNetwork() {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const update = () => {
    online.value = navigator.onLine
  }
  onMounted(() => {
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    update()
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return { online }
}
