/// <reference types="vite/client" />

/** package.json version, injected at build time (vite.config.ts `define`). */
declare const __APP_VERSION__: string

/** True only in the bench's plain build: records are stored in clear (crypto/middleware.ts). False everywhere else. */
declare const __PLAIN_AT_REST__: boolean
