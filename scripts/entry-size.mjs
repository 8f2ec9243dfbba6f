// First-screen weight after `vite build`: the entry script of dist/index.html plus every modulepreload and
// stylesheet it loads up-front, each gzipped (level 9). Lazy chunks are listed for information only.
// Usage: node scripts/entry-size.mjs [--check]   (--check exits 1 when the entry JS is over budget)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

// First-screen JS budget, gzipped (issue #2, "Entry JavaScript of the first screen is at most 150 KB gzipped"): a cheap Android phone on a weak 3G signal must
// open the app in seconds. The libraries alone take ≈ 106 KiB (React 44, Dexie 34, zod, date-fns, workbox-window:
// docs style.md "Numbers worth knowing"), which leaves ≈ 44 KiB for our own first-screen code.
const ENTRY_JS_BUDGET_KIB = 150

const KIB = 1024
const dist = 'dist'

let html
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8')
} catch {
  console.error('dist/index.html not found: run `npm run build` first.')
  process.exit(1)
}

/** Attribute values of the tags in index.html that load something before the first paint. */
function upFrontAssets(source) {
  const assets = []
  for (const [tag] of source.matchAll(/<(script|link)\b[^>]*>/g)) {
    const attr = (name) => tag.match(new RegExp(`\\s${name}=["']([^"']+)["']`))?.[1]
    if (tag.startsWith('<script') && attr('type') === 'module' && attr('src')) assets.push(attr('src'))
    if (
      tag.startsWith('<link') &&
      ['modulepreload', 'stylesheet'].includes(attr('rel') ?? '') &&
      attr('href')
    )
      assets.push(attr('href'))
  }
  // Absolute URLs (none today) are not part of our bundle.
  return [...new Set(assets)].filter((url) => !/^[a-z]+:\/\//i.test(url)).map((url) => url.replace(/^\//, ''))
}

function gzipSize(file) {
  const raw = readFileSync(join(dist, file))
  return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length }
}

const kib = (bytes) => (bytes / KIB).toFixed(1).padStart(7)
function printTable(title, rows) {
  console.log(`\n${title}`)
  console.log(`${'file'.padEnd(48)} ${'raw KiB'.padStart(8)} ${'gzip KiB'.padStart(9)}`)
  for (const row of rows) console.log(`${row.file.padEnd(48)} ${kib(row.raw)}  ${kib(row.gzip)}`)
}
const sum = (rows) => rows.reduce((total, row) => total + row.gzip, 0)

const entry = upFrontAssets(html).map(gzipSize)
const entryJs = entry.filter((row) => row.file.endsWith('.js'))
const entryCss = entry.filter((row) => row.file.endsWith('.css'))
printTable('First screen (loaded up-front by index.html)', entry)
console.log(`JS total:  ${kib(sum(entryJs))} KiB gzip (budget ${ENTRY_JS_BUDGET_KIB} KiB)`)
console.log(`CSS total: ${kib(sum(entryCss))} KiB gzip`)
console.log(`All total: ${kib(sum(entry))} KiB gzip`)

const upFront = new Set(entry.map((row) => row.file))
const lazy = readdirSync(join(dist, 'assets'))
  .map((name) => `assets/${name}`)
  .filter((file) => /\.(js|css)$/.test(file) && !upFront.has(file))
  .map(gzipSize)
  .sort((a, b) => b.gzip - a.gzip)
if (lazy.length > 0) {
  printTable('Lazy chunks (loaded on demand, for information)', lazy)
  console.log(`Lazy total: ${kib(sum(lazy))} KiB gzip`)
}

if (process.argv.includes('--check')) {
  if (entryJs.length === 0) {
    console.error('\nNo entry script found in dist/index.html.')
    process.exit(1)
  }
  if (sum(entryJs) > ENTRY_JS_BUDGET_KIB * KIB) {
    console.error(
      `\nFirst-screen JS is over budget: ${kib(sum(entryJs)).trim()} KiB > ${ENTRY_JS_BUDGET_KIB} KiB gzip.`,
    )
    process.exit(1)
  }
  console.log(`\nWithin budget (${ENTRY_JS_BUDGET_KIB} KiB gzip).`)
}
