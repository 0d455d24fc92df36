import { defineConfig } from 'vitest/config'

// End-to-end tests: a real server (started once by the global setup) and Debian's Chromium.
// Files run one after another: they share the server and the machine's two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
})
