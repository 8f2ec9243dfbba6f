// Every screen shows words, never a dictionary key: a key whose dictionary was not loaded with its screen would
// show as itself (translate()). The first screen's dictionary holds only its own text, and each lazy screen brings
// its own (settings, schedule, PWS, sync, visit), so this opens each in Bahasa Indonesia and English, in the built
// app, and looks for any key of any dictionary in the text it shows.
import { describe, expect, it } from 'vitest'
import { waitForServiceWorker, withAppAndBrowser } from './harness'
import { bornAgo, putIntoApp, seedPeople } from './openday-data'

const modules = import.meta.glob<Record<string, unknown>>('../../src/**/*messages.ts', { eager: true })
const KEYS = [
  ...new Set(
    Object.values(modules).flatMap((exports) =>
      Object.values(exports).flatMap((value) =>
        typeof value === 'object' && value !== null && 'id' in value ? Object.keys(value.id as object) : [],
      ),
    ),
  ),
]

describe('no dictionary key on screen (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('shows every lazy screen’s words in Bahasa Indonesia and English', async () => {
    expect(KEYS.length).toBeGreaterThan(500)
    const { page } = session.browser()
    const app = session.app()
    await page.goto(app.url)
    await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()
    await waitForServiceWorker(page)
    const seeded = seedPeople([
      {
        name: 'Mbah Sarinah',
        sex: 'P',
        birthDate: bornAgo(66, 0),
        lastMonth: { lansia: { systolicMmHg: 190 } },
      },
    ])
    await putIntoApp(page, seeded)
    const member = seeded.members.find((m) => m.name === 'Mbah Sarinah')?.id as string
    const household = seeded.households[0]?.id as string
    const screens = [
      { route: '#/', ready: '.row' },
      { route: `#/rumah/${household}`, ready: 'main h1, main h2' },
      { route: `#/anggota/${member}`, ready: '.visit-history, main h2' },
      { route: `#/anggota/${member}/kunjungan`, ready: 'form' },
      { route: '#/jadwal', ready: '.task' },
      { route: '#/pws', ready: '.pws-table' },
      { route: '#/pengaturan', ready: '#sinkronisasi' },
    ]
    const shown: string[] = []
    for (const lang of ['id', 'en']) {
      await page.evaluate((l) => localStorage.setItem('kader-ilp.lang', l), lang)
      for (const { route, ready } of screens) {
        await page.goto(`${app.url}/${route}`)
        await page.reload()
        await page.locator(ready).first().waitFor()
        // Text and the labels a screen reader reads (aria-label, placeholder, title).
        const text = await page.evaluate(() =>
          [
            // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, a line per block, so keys stay apart.
            document.body.innerText,
            ...[...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) =>
              ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
            ),
          ].join('\n'),
        )
        const tokens = new Set(text.match(/[a-zA-Z]+(?:\.[\w-]+)+/g) ?? [])
        shown.push(...KEYS.filter((key) => tokens.has(key)).map((key) => `${lang} ${route}: ${key}`))
      }
    }
    expect(shown).toEqual([])
  })
})
