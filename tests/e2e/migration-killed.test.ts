// The in-place encryption of an install from before it (docs/security.md "Migration"), with the tab killed in the
// middle, in real Chromium: a version 6 database holding records in clear is encrypted when the PIN is set; the
// renderer is crashed half-way through the upgrade's second page of households; after it, version 6 is there as it
// was; at the next unlock the upgrade runs again and, once it finishes, every record is there and nothing is in
// clear in any object store of any database of the origin.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { uuidv7 } from '../../src/data/ids'
import { makeHousehold, makeMember } from '../data/fixtures'
import { launchBrowser, startApp } from './harness'
import { everythingStored } from './privacy-steps'

const PIN = '590317'
const NAME = 'Wulandari Kusumaningtyas'
const NIK = '3301015204907731'
const HEAD = 'Sastro Wiryono'
const DRAFT_NAME = 'Anggraini Sulistyowati'
const KADER = 'Ibu Kartini Rahayu'
/** More than two of the upgrade's pages of 500 (migrate.ts), so that it dies with pages written and pages not. */
const HOUSEHOLDS = 1_200
/** The put, in the upgrade, of the households store after which the tab is killed: inside its second page. */
const KILL_AT_PUT = 700

/** What the version 6 app left on the phone: everything in clear. */
function version6Rows() {
  const homes = Array.from({ length: HOUSEHOLDS }, (_, i) =>
    makeHousehold(i === 0 ? { headName: HEAD } : { headName: `Keluarga Nomor ${i}` }),
  )
  const first = homes[0]
  if (!first) throw new Error('no household')
  const member = makeMember(first.id, { name: NAME, nik: NIK })
  return {
    households: homes,
    members: [member],
    outbox: [
      {
        changeId: uuidv7(),
        entity: 'members',
        recordId: member.id,
        version: 1,
        changedFields: ['name', 'nik'],
        at: member.updatedAt,
        deviceId: 'device-test',
      },
    ],
    drafts: [
      {
        id: 'member:new:x',
        kind: 'member',
        path: `#/rumah/${first.id}/anggota/baru`,
        label: DRAFT_NAME,
        values: { name: DRAFT_NAME },
        updatedAt: member.updatedAt,
      },
    ],
    meta: [
      { key: 'deviceId', value: 'device-test' },
      {
        key: 'workArea',
        value: {
          id: 'wilayah-lokal',
          kabupaten: 'Cilacap',
          kecamatan: 'Dayeuhluhur',
          desa: 'Bolang',
          kaderName: KADER,
        },
      },
    ],
  }
}

type Rows = ReturnType<typeof version6Rows>

/** The database as Dexie version 6 made it (IndexedDB version 60, db.ts), filled with `rows`, from page JS. */
function putVersion6(page: Page, rows: Rows) {
  return page.evaluate(async (data) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open('kader-ilp', 60)
      open.onupgradeneeded = () => {
        const d = open.result
        d.createObjectStore('households', { keyPath: 'id' }).createIndex('workAreaId', 'workAreaId')
        const members = d.createObjectStore('members', { keyPath: 'id' })
        members.createIndex('householdId', 'householdId')
        members.createIndex('nik', 'nik')
        const outbox = d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true })
        outbox.createIndex('recordId', 'recordId')
        outbox.createIndex('recordIds', 'recordIds', { multiEntry: true })
        d.createObjectStore('meta', { keyPath: 'key' })
        const visits = d.createObjectStore('visits', { keyPath: 'id' })
        visits.createIndex('memberId', 'memberId')
        visits.createIndex('workAreaId', 'workAreaId')
        visits.createIndex('[workAreaId+date]', ['workAreaId', 'date'])
        const followUps = d.createObjectStore('followUps', { keyPath: 'id' })
        followUps.createIndex('workAreaId', 'workAreaId')
        followUps.createIndex('memberId', 'memberId')
        d.createObjectStore('clocks', { keyPath: 'key' })
        d.createObjectStore('conflicts', { keyPath: 'seq', autoIncrement: true }).createIndex(
          'recordId',
          'recordId',
        )
        d.createObjectStore('drafts', { keyPath: 'id' })
      }
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const tx = db.transaction(Object.keys(data), 'readwrite')
    for (const [store, values] of Object.entries(data)) for (const v of values) tx.objectStore(store).put(v)
    await new Promise((ok, fail) => {
      tx.oncomplete = ok
      tx.onerror = () => fail(tx.error)
    })
    db.close()
  }, rows)
}

/** The records' database's IndexedDB version and row counts, opened as it is (no upgrade). */
function versionAndCounts(page: Page) {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open('kader-ilp')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const counts: Record<string, number> = {}
    for (const store of db.objectStoreNames)
      counts[store] = await new Promise<number>((ok) => {
        const r = db.transaction(store).objectStore(store).getAllKeys()
        // The household list's snapshot (src/data/list-snapshot.ts) is written once the list is shown: not a row
        // the upgrade carries over.
        r.onsuccess = () => ok(r.result.filter((key) => key !== 'listSnapshot').length)
      })
    const version = db.version
    // Closed at once: an open connection would block the app's upgrade.
    db.close()
    return { version, counts }
  })
}

describe('in-place encryption with the tab killed half-way (real Chromium)', () => {
  it('loses nothing, leaves version 6 whole, and finishes at the next unlock with nothing in clear', async () => {
    const app = await startApp()
    const { context, page, close } = await launchBrowser({ pin: 'manual' })
    try {
      await page.goto(app.url)
      await page.getByRole('heading', { name: 'Buat PIN' }).waitFor()
      const rows = version6Rows()
      await putVersion6(page, rows)
      const before = await versionAndCounts(page)
      expect(before.version).toBe(60)

      // The upgrade's KILL_AT_PUT-th write of a household freezes the page; the test then crashes its renderer.
      let frozen: () => void = () => {}
      const freezing = new Promise<void>((ok) => (frozen = ok))
      await page.exposeBinding('migrationFrozen', () => frozen())
      const cdp = await context.newCDPSession(page)
      await page.evaluate((killAt) => {
        const put = IDBObjectStore.prototype.put
        let n = 0
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
          if (this.transaction.mode === 'versionchange' && this.name === 'households' && ++n === killAt) {
            ;(window as unknown as { migrationFrozen: () => void }).migrationFrozen()
            // Never returns: the upgrade's transaction stays open, as in a tab killed at this instant.
            for (;;) {}
          }
          return put.apply(this, args)
        }
      }, KILL_AT_PUT)
      await page.getByLabel('PIN baru (minimal 6 angka)').fill(PIN)
      await page.getByLabel('Ketik sekali lagi').fill(PIN)
      await page.getByRole('button', { name: 'Simpan dan buka' }).click()
      await freezing
      const crashed = page.waitForEvent('crash', { timeout: 20_000 })
      void cdp.send('Page.crash').catch(() => undefined)
      await crashed
      // Killed: version 6 as it was, every row there (in clear, as before the PIN).
      const again = await context.newPage()
      // The browser still tears down the crashed renderer's upgrade: on a loaded machine that takes its time.
      again.setDefaultTimeout(90_000)
      await again.goto(app.url)
      await again.getByRole('heading', { name: 'Kader ILP terkunci' }).waitFor()
      expect(await versionAndCounts(again)).toEqual(before)
      expect((await everythingStored(again)).text).toContain(NAME)

      // The next unlock runs the upgrade again, to the end.
      await again.getByLabel('PIN', { exact: true }).fill(PIN)
      await again.getByRole('button', { name: 'Buka', exact: true }).click()
      // Search runs on the decrypted rows: it finds the member by her name among the 1,200 households.
      await again.getByLabel('Cari rumah tangga').fill('Wulandari')
      await again.getByRole('link', { name: new RegExp(HEAD) }).click()
      await again.getByRole('link', { name: new RegExp(NAME) }).waitFor()
      // Locked again (a reload forgets the keys): what stays on the phone is read as an attacker would.
      await again.reload()
      await again.getByRole('heading', { name: 'Kader ILP terkunci' }).waitFor()

      const after = await versionAndCounts(again)
      expect(after.version).toBeGreaterThan(60)
      expect(after.counts).toEqual(before.counts)
      const stored = await everythingStored(again)
      for (const secret of [NAME, NIK, HEAD, DRAFT_NAME, KADER, 'Keluarga Nomor 1199'])
        expect(stored.text).not.toContain(secret)
    } finally {
      await close()
      await app.close()
    }
  }, 300_000)
})
