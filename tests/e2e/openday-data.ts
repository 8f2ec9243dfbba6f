// Registry data for the open-day end-to-end tests, written straight into the app's IndexedDB (the registry forms
// have their own tests): one RW of Desa Sukamaju with its posyandu, dated relative to the real today.
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'

export const AREA = {
  id: 'wilayah-lokal',
  kabupaten: 'Sukabumi',
  kecamatan: 'Cibadak',
  desa: 'Sukamaju',
  dusun: 'Krajan',
  rw: '002',
  kaderName: 'Siti Rahayu',
}

const pad = (n: number) => String(n).padStart(2, '0')
export const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

/** A day of the month `n` months before this one. */
export function monthsAgo(n: number, dayOfMonth: number): string {
  const d = new Date()
  d.setDate(1)
  d.setMonth(d.getMonth() - n)
  d.setDate(dayOfMonth)
  return localDay(d)
}

/** A birth date `years` and `months` before today (the 3rd of that month). */
export function bornAgo(years: number, months: number): string {
  const d = new Date()
  d.setDate(3)
  d.setFullYear(d.getFullYear() - years, d.getMonth() - months)
  return localDay(d)
}

/** The posyandu calendar whose open day is today (the n-th weekday of the month). */
export function calendarForToday() {
  const d = new Date()
  return {
    name: 'Posyandu Melati',
    place: 'Balai RW 02',
    openDay: { week: Math.ceil(d.getDate() / 7), weekday: d.getDay() },
  }
}

export interface Person {
  name: string
  sex: 'L' | 'P'
  birthDate: string
  hpht?: string
  deliveryDate?: string
  /** Came to last month's open day (lansia regulars, balita weighed). */
  lastMonth?: Record<string, unknown>
}

export interface Seeded {
  households: Record<string, unknown>[]
  members: Record<string, unknown>[]
  visits: Record<string, unknown>[]
}

/** One household per person (head + the person), so every name is found by its own row. */
export function seedPeople(people: readonly Person[]): Seeded {
  const created = new Date(Date.now() - 120 * 86_400_000).toISOString()
  const meta = () => ({
    id: randomUUID(),
    createdAt: created,
    updatedAt: created,
    deviceId: 'device-seed',
    version: 1,
    deleted: false,
  })
  const out: Seeded = { households: [], members: [], visits: [] }
  people.forEach((p, i) => {
    const household = {
      ...meta(),
      workAreaId: AREA.id,
      headName: `Kepala ${p.name}`,
      address: {
        kabupaten: AREA.kabupaten,
        kecamatan: AREA.kecamatan,
        desa: AREA.desa,
        dusun: AREA.dusun,
        rw: AREA.rw,
        rt: `00${(i % 4) + 1}`,
      },
    }
    const { lastMonth, ...fields } = p
    const member = { ...meta(), householdId: household.id, relation: 'lainnya', ...fields }
    out.households.push(household)
    out.members.push(member)
    if (lastMonth)
      out.visits.push({
        ...meta(),
        memberId: member.id,
        householdId: household.id,
        workAreaId: AREA.id,
        kader: AREA.kaderName,
        date: monthsAgo(1, 10),
        place: 'posyandu',
        parts: lastMonth,
      })
  })
  return out
}

/** Rows written straight into the app's stores, in one transaction, as a sync or an earlier session left them. */
export async function putRows(page: Page, rows: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(async (rows) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open('kader-ilp')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const tx = db.transaction(Object.keys(rows), 'readwrite')
    for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row)
    await new Promise((ok, fail) => {
      tx.oncomplete = ok
      tx.onerror = () => fail(tx.error)
    })
    db.close()
  }, rows)
}

/** Writes the records and the work area (with today as its open day) into the app's database. */
export async function putIntoApp(page: Page, data: Seeded): Promise<void> {
  const workArea = { ...AREA, posyandu: calendarForToday() }
  await putRows(page, { ...data, meta: [{ key: 'workArea', value: workArea }] })
}

/** The visits stored for a member, read from the app's database. */
export async function storedVisits(page: Page, memberName: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (name) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open('kader-ilp')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const all = <T>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll()
        r.onsuccess = () => ok(r.result as T[])
        r.onerror = () => fail(r.error)
      })
    const member = (await all<{ id: string; name: string }>('members')).find((m) => m.name === name)
    const visits = (await all<Record<string, unknown>>('visits')).filter((v) => v.memberId === member?.id)
    db.close()
    return visits
  }, memberName)
}
