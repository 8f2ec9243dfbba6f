import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import pkg from './package.json' with { type: 'json' }

export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __PLAIN_AT_REST__: 'false' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          setupFiles: ['tests/setup.ts'],
          // The sync and server suites start real servers (PGlite takes seconds to open) and walk through retries
          // and rate limits; on a 2-core CI machine running everything at once, 5 s is not enough for them.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: CI has 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
