// Bundles the two in-page libraries (bench/page/*.ts) for the browser with Vite's build API: the app's modules
// from src/ as they are, PouchDB from its browser package. Output: one ES module per library in `outDir`.
import { resolve } from 'node:path'
import { build } from 'vite'
import pkg from '../package.json' with { type: 'json' }

/** `plain`: the app's modules without encryption at rest, for the plain build (at-rest.ts). */
export async function buildPages(root: string, outDir: string, { plain = false } = {}): Promise<void> {
  for (const name of plain ? ['app-bench'] : ['app-bench', 'pouch-bench']) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      define: {
        __APP_VERSION__: JSON.stringify(pkg.version),
        __PLAIN_AT_REST__: String(plain),
        global: 'globalThis',
      },
      // PouchDB's browser build imports Node's 'events'; the npm port of it stands in.
      resolve: { alias: { events: resolve(root, 'node_modules/events/events.js') } },
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2020',
        minify: true,
        lib: {
          entry: resolve(root, 'bench/page', `${name}.ts`),
          formats: ['es'],
          fileName: () => `${name}.js`,
        },
      },
    })
  }
}
