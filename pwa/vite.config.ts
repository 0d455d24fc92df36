import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf-8')) as { version: string }

// Runtime caching of the API: reference data and the board come from the network when it answers
// within a few seconds, and from the last good copy otherwise. The outbox never goes through here.
const networkFirst = (name: string, pattern: RegExp) => ({
  urlPattern: ({ url, request }: { url: URL; request: Request }) =>
    request.method === 'GET' && pattern.test(url.pathname),
  handler: 'NetworkFirst' as const,
  options: {
    cacheName: name,
    networkTimeoutSeconds: 3,
    expiration: { maxEntries: 50, maxAgeSeconds: 7 * 24 * 3600 },
    cacheableResponse: { statuses: [200] },
  },
})

export default defineConfig({
  base: '/',
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  plugins: [
    vue(),
    VitePWA({
      registerType: 'prompt',
      strategies: 'generateSW',
      injectRegister: false,
      includeAssets: ['favicon.png', 'apple-touch-icon.png'],
      manifest: {
        name: 'Stormdesk',
        short_name: 'Stormdesk',
        description: 'Incident response for customer service centers',
        lang: 'zh-CN',
        theme_color: '#1d4ed8',
        background_color: '#f7f8fa',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff,woff2,json,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api/],
        cleanupOutdatedCaches: true,
        // Web Push: shows each notice, and a tap opens its incident (public/push-sw.js)
        importScripts: ['push-sw.js'],
        runtimeCaching: [
          networkFirst('sd-procedures', /^\/api\/procedures/),
          networkFirst('sd-seats', /^\/api\/site\/seats/),
          networkFirst('sd-incidents', /^\/api\/incidents/),
        ],
      },
    }),
  ],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 600,
  },
})
