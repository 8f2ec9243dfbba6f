import { describe, expect, it, vi } from 'vitest'
import { buildHouseholdRows, type HouseholdRow } from '../../src/data/household-rows'
import { loadWorkArea } from '../../src/data/read'
import { workAreaRows } from '../../src/data/work-area-rows'
import { deleteHousehold, deleteMember, saveHousehold, saveMember } from '../../src/data/write'
import {
  householdInput,
  LATER,
  makeHousehold,
  makeMember,
  memberInput,
  NOW,
  TODAY,
  WORK_AREA,
  withTestDb,
} from './fixtures'

// The household list's rows are kept between screens and patched from the households and members each write
// changed. Whatever the writes, the rows must be those a fresh read builds — and rows of untouched households stay
// the same objects (their search text with them), which shows they were not built again.

const db = withTestDb()
const opts = { now: NOW, today: TODAY }

async function fresh(): Promise<HouseholdRow[]> {
  const { households, members } = await loadWorkArea(WORK_AREA)
  return buildHouseholdRows(households, members, TODAY)
}

function watch() {
  const seen: { rows: HouseholdRow[] | undefined } = { rows: undefined }
  const observable = workAreaRows(WORK_AREA, TODAY)
  const subscription = observable.subscribe((rows) => {
    seen.rows = rows
  })
  const settled = async (step: string) => {
    const expected = await fresh()
    await vi.waitFor(() => expect(seen.rows, step).toEqual(expected))
    return seen.rows as HouseholdRow[]
  }
  return { seen, observable, settled, stop: () => (subscription as () => void)() }
}

async function household(headName: string) {
  const h = await saveHousehold(householdInput({ headName }), { now: NOW })
  if (!h.ok) throw new Error('household')
  const m = await saveMember(memberInput(h.record.id, { name: `${headName} Istri` }), opts)
  if (!m.ok) throw new Error('member')
  return { h: h.record, m: m.record }
}

const rowOf = (rows: HouseholdRow[], id: string) => rows.find((r) => r.household.id === id)

describe('work area rows', () => {
  it('patches the rows of the households each write touched, and equal a fresh read after every kind of write', async () => {
    const a = await household('Ahmad')
    const b = await household('Budi')
    const c = await household('Cahya')
    const list = watch()
    let rows = await list.settled('first read')

    await saveMember(memberInput(a.h.id, { name: 'Ahmad Istri Kedua' }), { ...opts, id: a.m.id, now: LATER })
    const edited = await list.settled('a member edited')
    expect(rowOf(edited, b.h.id)).toBe(rowOf(rows, b.h.id))
    expect(rowOf(edited, a.h.id)).not.toBe(rowOf(rows, a.h.id))
    rows = edited

    await saveMember(memberInput(b.h.id, { name: 'Bayu', relation: 'anak', birthDate: '2024-01-01' }), opts)
    await list.settled('a member added')
    await deleteMember(c.m.id, { now: LATER })
    await list.settled('a member deleted')
    const d = await household('Dewi')
    await list.settled('a household added')
    await saveMember(memberInput(d.h.id, { ...d.m, name: 'Dewi Pindah' }), { ...opts, id: d.m.id })
    await deleteHousehold(c.h.id, { now: LATER })
    await list.settled('a household deleted')

    // Sync stores pulled pages directly: a household leaving the area, coming back, a new one with its people.
    await db().households.put({ ...b.h, workAreaId: 'wilayah-lain' })
    await list.settled('a household left the area')
    await db().households.put({ ...b.h, updatedAt: LATER.toISOString() })
    expect(rowOf(await list.settled('the household came back'), b.h.id)?.members).toHaveLength(2)
    const e = makeHousehold({ headName: 'Eka' })
    await db().transaction('rw', [db().households, db().members], async () => {
      await db().households.put(e)
      await db().members.bulkPut([makeMember(e.id), makeMember(e.id, { name: 'Eko', sex: 'L' })])
    })
    await list.settled('a pulled household with its members')

    // A range of keys changed: the area is read again.
    await db().members.clear()
    await list.settled('members cleared')
    list.stop()
  })

  it('changed while no screen showed them: not shown out of date, then patched when shown', async () => {
    const a = await household('Ahmad')
    const b = await household('Budi')
    const first = watch()
    const rows = await first.settled('first read')
    first.stop()

    await saveMember(memberInput(a.h.id, { name: 'Ahmad Istri Kedua' }), { ...opts, id: a.m.id, now: LATER })
    const again = watch()
    expect(again.seen.rows).toBeUndefined()
    const patched = await again.settled('shown again')
    expect(rowOf(patched, b.h.id)).toBe(rowOf(rows, b.h.id))
    again.stop()
  })
})
