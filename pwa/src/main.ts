import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import App from '@/app/App.vue'
import { configureHttp } from '@/api/http'
import { currentLocale, i18n, initialLocale, setLocale } from '@/app/i18n'
import { listenForInstallPrompt } from '@/app/pwa'
import { createAppRouter } from '@/app/router'
import { registerAppServiceWorker } from '@/composables/use-app-update'
import { installVant } from '@/app/vant'
import { useSessionStore } from '@/features/auth/store'
import { useKnowledgeStore } from '@/features/knowledge/store'
import { keepHeartbeat } from '@/features/presence/heartbeat'
import { useOutboxStore } from '@/offline/store'
import '@/app/styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
installVant(app)
setLocale(initialLocale(), false)

const session = useSessionStore(pinia)
configureHttp({ language: currentLocale, onUnauthorized: () => session.markExpired() })

app.use(createAppRouter())
listenForInstallPrompt()
app.mount('#app')
registerAppServiceWorker()

useOutboxStore(pinia).start()
void session.confirm()
// The whole knowledge base onto the device at start, so that it reads offline even if never opened (S2.3),
// and the heartbeat of the signed-in person's app.
watch(
  () => session.username,
  (username) => {
    if (username) void useKnowledgeStore(pinia).load()
    // the manager's duty list counts a silent app as away without leave (S2.4)
    keepHeartbeat(username)
  },
  { immediate: true },
)
