// At 360 px, in Bahasa Indonesia and English: no list row's or card's text is clipped (a box shorter than its text,
// as the household list once cut "Slamet Riyadi" to "Slamet Rivadi"), and every link and button in a list, a card
// (Pengaturan, "Perlu diperbaiki"), the top bar and the bottom navigation is a target of at least 44×44 px. On the
// first run, no welcome button stays under the floating "+ Rumah tangga" button; the install offer leaves the top
// bar at the top.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForServiceWorker, withAppAndBrowser } from './harness'
import { bornAgo, localDay, putIntoApp, putRows, seedPeople } from './openday-data'

const TODAY = localDay(new Date())

/** Where the kader meets lists and settings: each route with what shows that it has rendered. */
const SCREENS: { route: string; ready: string }[] = [
  { route: '#/', ready: '.row' },
  { route: '#/posyandu', ready: '.queue-row' },
  { route: `#/posyandu/${TODAY}/rekap`, ready: '.rekap-group' },
  { route: '#/jadwal', ready: '.task' },
  { route: '#/rujukan', ready: '.referral-list li' },
  { route: '#/pws', ready: '.pws-table' },
  { route: '#/pengaturan', ready: '.version' },
  { route: '#/pengaturan/ditolak', ready: '.rejected-list li' },
]

interface Problem {
  route: string
  what: string
  text: string
  size: string
}

/** Rows whose text overflows its box, and targets smaller than 44×44 px, on the current screen. */
function problems(page: Page, route: string): Promise<Problem[]> {
  return page.evaluate((route) => {
    const found: Problem[] = []
    const label = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
    const rows = document.querySelectorAll(
      'main li, main .row, main .queue-row, main .card, .bottom-nav a, .topbar',
    )
    for (const row of rows) {
      for (const el of [row, ...row.querySelectorAll('*')] as HTMLElement[]) {
        // Screen-reader text is clipped on purpose.
        if (
          el.clientHeight === 0 ||
          getComputedStyle(el).display === 'inline' ||
          el.closest('.visually-hidden')
        )
          continue
        // A title cut short by an ellipsis overflows sideways.
        const cutSideways = el.matches('.topbar-title') && el.scrollWidth > el.clientWidth + 1
        if (el.scrollHeight > el.clientHeight + 1 || cutSideways)
          found.push({
            route,
            what: `clipped ${label(el)}`,
            text: (el.textContent ?? '').trim().slice(0, 40),
            size: `${el.scrollHeight} in ${el.clientHeight}`,
          })
      }
    }
    // A card's radio buttons are tapped by their label, which is the target measured.
    const targets = document.querySelectorAll(
      [
        'main li a, main li button, main .queue-row a, main .queue-row button, .bottom-nav a, .topbar a, .topbar button',
        'main .card a, main .card button, main .card select, main .card summary, main .card input:not([type=radio])',
        'main .card label:has(> input[type=radio])',
      ].join(', '),
    )
    for (const el of targets) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.width < 43.5 || box.height < 43.5)
        found.push({
          route,
          what: `small target ${label(el)}`,
          text: (el.textContent ?? '').trim().slice(0, 40),
          size: `${Math.round(box.width)}×${Math.round(box.height)}`,
        })
    }
    return found
  }, route)
}

/** An edit of the household's address that the server refused as outside the work area: "Perlu diperbaiki". */
function refusedEdit(household: Record<string, unknown> | undefined) {
  const at = new Date().toISOString()
  return {
    changeId: crypto.randomUUID(),
    entity: 'households',
    recordId: household?.id,
    version: 2,
    changedFields: ['address'],
    at,
    deviceId: 'device-seed',
    rejected: { reason: 'forbidden', issues: [{ path: 'address', message: 'err.area' }], at },
  }
}

describe('layout at 360 px (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('clips no list row and keeps every target 44 px, in Bahasa Indonesia and English', async () => {
    const { page } = session.browser()
    const app = session.app()
    await page.goto(app.url)
    await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()
    await waitForServiceWorker(page)
    // Long names, a referral (blood pressure 190/110 a week ago) and a balita weighed last month.
    const seeded = seedPeople([
      { name: 'Slamet Riyadi Wijayakusuma Prawiranegara', sex: 'L', birthDate: bornAgo(1, 4) },
      {
        name: 'Yuyun Yuningsih',
        sex: 'P',
        birthDate: bornAgo(2, 1),
        lastMonth: { balita: { weightKg: 11 } },
      },
      {
        name: 'Mbah Sarinah',
        sex: 'P',
        birthDate: bornAgo(66, 0),
        lastMonth: { lansia: { systolicMmHg: 190, diastolicMmHg: 110 } },
      },
    ])
    await putIntoApp(page, seeded)
    await putRows(page, { outbox: [refusedEdit(seeded.households[0])] })
    const found: Problem[] = []
    for (const lang of ['id', 'en']) {
      await page.evaluate((l) => localStorage.setItem('kader-ilp.lang', l), lang)
      for (const { route, ready } of SCREENS) {
        await page.goto(`${app.url}/${route}`)
        await page.reload()
        await page.locator(ready).first().waitFor()
        found.push(...(await problems(page, `${lang} ${route}`)))
      }
    }
    expect(found).toEqual([])
  })
})

describe('first run at 360 px (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('lets every welcome button be scrolled clear of the "+ Rumah tangga" button', async () => {
    const { page } = session.browser()
    for (const lang of ['id', 'en']) {
      await page.goto(session.app().url)
      await page.evaluate((l) => localStorage.setItem('kader-ilp.lang', l), lang)
      await page.reload()
      await page.locator('.welcome .button').first().waitFor()
      const covered = await page.evaluate(() => {
        // Scroll whatever scrolls to its end, as a kader's thumb would, then ask what is on top of each button.
        for (const el of [document.scrollingElement, ...document.querySelectorAll('main *')])
          if (el) el.scrollTop = el.scrollHeight
        return [...document.querySelectorAll('.welcome .button')].flatMap((button) => {
          const box = button.getBoundingClientRect()
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
          return top && button.contains(top) ? [] : [(button.textContent ?? '').trim()]
        })
      })
      expect(covered, lang).toEqual([])
    }
  })
})

describe('install offer at 360 px (real Chromium)', () => {
  const session = withAppAndBrowser()

  it('shows below the top bar, clear of the navigation, not on Pengaturan, and goes when dismissed', async () => {
    const { page } = session.browser()
    const app = session.app()
    await page.goto(app.url)
    await page.getByRole('heading', { name: 'Rumah tangga' }).waitFor()
    await putIntoApp(page, seedPeople([{ name: 'Yuyun Yuningsih', sex: 'P', birthDate: bornAgo(2, 1) }]))
    // The offer comes after the first successful sync, once the browser offers the install.
    await putRows(page, { meta: [{ key: 'syncStatus', value: { lastSuccessAt: new Date().toISOString() } }] })
    for (const [lang, later] of [
      ['id', 'Nanti'],
      ['en', 'Later'],
    ] as const) {
      await page.evaluate((l) => {
        localStorage.setItem('kader-ilp.lang', l)
        localStorage.removeItem('kader-ilp.pwa.installOffered')
      }, lang)
      await page.reload()
      await page.locator('.row').first().waitFor()
      await page.evaluate(() => {
        const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: async () => undefined,
          userChoice: Promise.resolve({ outcome: 'dismissed' }),
        })
        window.dispatchEvent(offer)
      })
      const dismiss = page.getByRole('button', { name: later })
      await dismiss.waitFor()
      const layout = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect()
        const offer = document.querySelector('.install-offer')
        return {
          bar: box('.topbar')?.top,
          offerBelowBar: (offer?.getBoundingClientRect().top ?? 0) >= (box('.topbar')?.bottom ?? 1),
          offerAboveNav: (offer?.getBoundingClientRect().bottom ?? 1e9) <= (box('.bottom-nav')?.top ?? 0),
          buttons: [...(offer?.querySelectorAll('button') ?? [])].map((b) => {
            const r = b.getBoundingClientRect()
            return r.width >= 43.5 && r.height >= 43.5
          }),
          // The list makes room for it: the page itself does not scroll, which would take the bar with it.
          pageFits: document.scrollingElement?.scrollHeight === window.innerHeight,
        }
      })
      expect(layout, lang).toEqual({
        bar: 0,
        offerBelowBar: true,
        offerAboveNav: true,
        buttons: [true, true],
        pageFits: true,
      })
      // Pengaturan has its own install card: the offer does not say it twice there, and is back on leaving.
      await page.goto(`${app.url}#/pengaturan`)
      await page.locator('.version').waitFor()
      expect(await page.locator('.install-offer').count(), lang).toBe(0)
      await page.goto(`${app.url}#/`)
      await dismiss.click()
      await page.locator('.install-offer').waitFor({ state: 'detached' })
    }
  })
})
