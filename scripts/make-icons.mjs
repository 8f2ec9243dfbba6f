// Draws the app icons from one SVG source and writes them to public/icons/ (the outputs are committed; run this
// only when the design changes): `node scripts/make-icons.mjs`. PNGs are rendered by headless Debian Chromium.
//
// - icon.svg            favicon and the source of the 'any' icons: rounded green tile, white house, green cross
// - icon-192.png, icon-512.png   'any' purpose, transparent corners
// - icon-maskable-512.png        'maskable': full-bleed green, the glyph scaled to 80 % so it stays inside the
//                                safe zone (a centred circle of 40 % radius) whatever mask the launcher applies
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const THEME = '#0b6e4f'
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons')

// A house on a 512 grid, centred on (256, 260); its farthest corner is 200 px from the centre.
const glyph = [
  '<path d="M256 104 424 248H376V416H136V248H88Z" fill="#fff" stroke="#fff" stroke-width="16" stroke-linejoin="round"/>',
  `<path d="M238 280h36v36h36v36h-36v36h-36v-36h-36v-36h36Z" fill="${THEME}"/>`,
].join('')

const svg = (background, glyphScale) =>
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="Kader ILP">' +
  '<title>Kader ILP</title>' +
  background +
  `<g transform="translate(256 256) scale(${glyphScale}) translate(-256 -256)">${glyph}</g></svg>\n`

const anySvg = svg(`<rect width="512" height="512" rx="96" fill="${THEME}"/>`, 0.9)
const maskableSvg = svg(`<rect width="512" height="512" fill="${THEME}"/>`, 0.8)

async function render(browser, source, size, file) {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  const body = source.replace('<svg ', `<svg width="${size}" height="${size}" `)
  await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`)
  await page.screenshot({
    path: join(outDir, file),
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  })
  await page.close()
  console.log(`wrote public/icons/${file}`)
}

mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, 'icon.svg'), anySvg)
console.log('wrote public/icons/icon.svg')

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  await render(browser, anySvg, 192, 'icon-192.png')
  await render(browser, anySvg, 512, 'icon-512.png')
  await render(browser, maskableSvg, 512, 'icon-maskable-512.png')
} finally {
  await browser.close()
}
