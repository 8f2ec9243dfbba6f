import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import pkg from './package.json' with { type: 'json' }

// The app shell is precached by the service worker built from sw/sw.ts (injectManifest);
// registration and the update prompt live in src/ui/pwa (workbox-window), so injectRegister is off.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __PLAIN_AT_REST__: 'false' },
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      // The icons are already in the precache through the glob below.
      includeManifestIcons: false,
      injectManifest: {
        // The shell: entry, CSS, lazy route chunks, icons — and the Kemendagri region list (a lazy chunk, 15 KB gz)
        // so that NIK region checks work offline too.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      manifest: {
        name: 'Kader ILP — Posyandu Integrasi Layanan Primer',
        short_name: 'Kader ILP',
        description: 'Catat rumah tangga, anggota dan kunjungan posyandu ILP, juga tanpa sinyal.',
        lang: 'id',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b6e4f',
        background_color: '#ffffff',
        categories: ['health', 'medical'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2020',
    sourcemap: false,
  },
})
