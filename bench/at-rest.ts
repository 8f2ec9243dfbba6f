// What encryption at rest costs (issue 14's budgets): the app as built beside its PLAIN build — the same app with
// __PLAIN_AT_REST__ defined true, so the encryption middleware stores records in clear (src/data/crypto/
// middleware.ts) — in the same run, on the same machine. The plain build exists only in the bench's temporary
// directory; `npm run build` defines the flag false, so no user ever gets it. Both builds show the lock screen and
// run Argon2id: the pair differs only in the encryption of the records.
import { cpSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { buildPages } from './build-pages'
import type { Pair } from './report'

export type Mode = 'encrypted' | 'plain'

/** What run.ts measures on each build for the side-by-side rows. */
export interface ModeFigures {
  firstSyncMs: number
  bytesPerRecord: number
  writeMs: number
  coldStartMs: number
  /** Lock form submitted → first row of the household list painted, within the cold start. */
  unlockMs: number
  areaReadMs: number
  pustuReadMs: number
  pustuBytesPerRecord: number
  insertMs: number
  insertBytesPerRecord: number
  entryJsKiB: number
}

export type Figures = Record<Mode, Partial<ModeFigures>>

/** The plain build of the app in `work`/www-plain, with the bench's in-page library (also plain) at /__bench. */
export async function buildPlain(root: string, work: string): Promise<string> {
  const www = join(work, 'www-plain')
  await build({
    configFile: join(root, 'vite.config.ts'),
    root,
    logLevel: 'warn',
    define: { __PLAIN_AT_REST__: 'true' },
    build: { outDir: www, emptyOutDir: true },
  })
  const pages = join(work, 'pages-plain')
  await buildPages(root, pages, { plain: true })
  mkdirSync(join(www, '__bench'))
  cpSync(join(pages, 'app-bench.js'), join(www, '__bench', 'app-bench.js'))
  return www
}

/** The side-by-side rows, each with the budget; `pouch` gives PouchDB's bytes per doc when it ran. */
export function atRestPairs(
  f: Figures,
  pouch?: { pullBytesPerDoc: number; insertBytesPerDoc: number },
): Pair[] {
  const pair = (
    id: keyof ModeFigures,
    label: string,
    unit: Pair['unit'],
    budget?: Pair['budget'],
    note?: string,
  ): Pair => ({
    id: `atRest.${id}`,
    label,
    unit,
    encrypted: f.encrypted[id] ?? null,
    plain: f.plain[id] ?? null,
    ...(budget ? { budget } : {}),
    ...(note ? { note } : {}),
  })
  return [
    pair(
      'unlockMs',
      'Unlock: PIN submitted → household list painted (cold start, 4×)',
      'ms',
      { max: 1_000 },
      'Argon2id 19 MiB × 2, the vault, opening the database, the first rows read; the plain build runs the same lock',
    ),
    pair(
      'coldStartMs',
      'Offline cold start to the household list (400 households, 4×)',
      'ms',
      { plus: 300 },
      'new browser process, navigation start → first row painted; includes the unlock above (PIN typed by the bench 50 ms after the lock screen shows)',
    ),
    pair(
      'writeMs',
      'Write 1,000 visits (saveVisits, one transaction, median of 3 cold writes, 4×)',
      'ms',
      { times: 1.5 },
      'the two builds take turns; each write after a reload, once the browser went quiet (bench/idle.ts)',
    ),
    pair(
      'firstSyncMs',
      'First sync, 10,000 records (slow 4G, 4×)',
      'ms',
      { times: 1.3 },
      'login → the run finished: pull, store with field clocks',
    ),
    pair(
      'bytesPerRecord',
      'IndexedDB bytes per record (after the first sync, with clocks)',
      'B',
      pouch ? { max: pouch.pullBytesPerDoc, what: "PouchDB's, same run" } : undefined,
      'storage estimate delta / 10,000; the issue 6 row: below PouchDB',
    ),
    pair(
      'insertBytesPerRecord',
      'IndexedDB bytes per record (bulk insert of 10,000, no clocks)',
      'B',
      pouch ? { max: pouch.insertBytesPerDoc, what: "PouchDB's, same run" } : undefined,
    ),
    pair('insertMs', 'Bulk insert 10,000 records, batches of 500 (4×)', 'ms'),
    pair(
      'areaReadMs',
      "Area worker's first read of the kader's area (≈ 11,000 records, 4×)",
      'ms',
      undefined,
      'store.ts load: read, decrypt, validate',
    ),
    pair(
      'pustuReadMs',
      "Area worker's first read of the pustu's area (125,000 records, 4×)",
      'ms',
      undefined,
      'store.ts load: read, decrypt, validate',
    ),
    pair('pustuBytesPerRecord', 'IndexedDB bytes per record (pustu, 125,000 records with clocks)', 'B'),
    pair('entryJsKiB', 'Entry JS, first screen', 'KiB', { max: 150 }, 'gzip -9 (scripts/entry-size.mjs)'),
  ]
}
