import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDataIssues, subscribeDataIssues } from '../../src/data/data-issues'
import { findMembers, getHousehold, getMember, loadWorkArea, membersOf } from '../../src/data/read'
import type { Member } from '../../src/protocol/records'
import { makeHousehold, makeMember, WORK_AREA, withTestDb } from './fixtures'

const db = withTestDb()

afterEach(() => {
  vi.restoreAllMocks()
})

// Rows as another app version, a bug or a damaged disk might leave them: written straight into IndexedDB.
async function putRaw(table: 'households' | 'members', row: object) {
  await db().table(table).put(row)
}

describe('corrupt rows', () => {
  it('are skipped by every read and reported by table, id and paths, never by value', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const listener = vi.fn()
    const unsubscribe = subscribeDataIssues(listener)

    const good = makeHousehold()
    const { headName: _, ...noName } = makeHousehold({ headName: 'Rahasia Tanpa Nama' })
    const notAnObject = { ...makeHousehold(), address: 'Jl. Mawar 7' }
    const kepala = makeMember(good.id, {
      name: 'Budi',
      relation: 'kepala',
      birthDate: '1988-01-05',
      sex: 'L',
    })
    const badBirth = makeMember(good.id, { name: 'Tanggal Rusak', birthDate: '1990-13-45' })
    for (const h of [good, noName, notAnObject]) await putRaw('households', h)
    for (const m of [kepala, badBirth]) await putRaw('members', m)

    expect(await getHousehold(noName.id)).toBeUndefined()
    expect(await getHousehold(notAnObject.id)).toBeUndefined()
    expect(await getMember(badBirth.id)).toBeUndefined()
    expect(await membersOf(good.id)).toEqual([kepala])
    expect(await loadWorkArea(WORK_AREA)).toEqual({ households: [good], members: [kepala] })

    const issues = getDataIssues().filter((i) => [noName.id, notAnObject.id, badBirth.id].includes(i.id))
    expect(issues.map(({ table, id, paths }) => ({ table, id, paths }))).toEqual([
      { table: 'households', id: noName.id, paths: ['headName'] },
      { table: 'households', id: notAnObject.id, paths: ['address'] },
      { table: 'members', id: badBirth.id, paths: ['birthDate'] },
    ])
    // Read again and again (as live queries do): still one issue per row, one log line per row.
    expect(listener).toHaveBeenCalledTimes(3)
    expect(warn).toHaveBeenCalledTimes(3)
    const logged = warn.mock.calls.flat().join('\n')
    for (const value of ['Rahasia', 'Mawar', 'Tanggal Rusak', '1990-13-45'])
      expect(logged).not.toContain(value)
    expect(logged).toContain(badBirth.id)
    unsubscribe()
  })

  it('keep the same snapshot until something new is reported', async () => {
    const before = getDataIssues()
    expect(getDataIssues()).toBe(before)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await putRaw('members', { ...makeMember(crypto.randomUUID()), sex: 'X' })
    await loadWorkArea(WORK_AREA)
    expect(getDataIssues()).toBe(before)
    const id = crypto.randomUUID()
    await putRaw('members', { ...makeMember(crypto.randomUUID()), id, sex: 'X' })
    await getMember(id)
    expect(getDataIssues()).not.toBe(before)
  })
})

describe('reads', () => {
  it('leave out deleted records and the members of other work areas', async () => {
    const here = makeHousehold()
    const deleted = makeHousehold({ deleted: true })
    const elsewhere = makeHousehold({ workAreaId: 'lain' })
    for (const h of [here, deleted, elsewhere]) await putRaw('households', h)
    const alive = makeMember(here.id)
    const gone = makeMember(here.id, { deleted: true })
    const inDeleted = makeMember(deleted.id)
    const away = makeMember(elsewhere.id)
    for (const m of [alive, gone, inDeleted, away]) await putRaw('members', m)

    expect(await loadWorkArea(WORK_AREA)).toEqual({ households: [here], members: [alive] })
    expect(await getHousehold(deleted.id)).toBeUndefined()
    expect(await getMember(gone.id)).toBeUndefined()
    expect(await getMember(crypto.randomUUID())).toBeUndefined()
  })

  it('sort members kepala first, then oldest first', async () => {
    const h = makeHousehold()
    await putRaw('households', h)
    const members: Member[] = [
      makeMember(h.id, { name: 'Anak', relation: 'anak', birthDate: '2015-01-01' }),
      makeMember(h.id, { name: 'Nenek', relation: 'orang_tua', birthDate: '1950-01-01' }),
      makeMember(h.id, { name: 'Kepala', relation: 'kepala', birthDate: '1985-01-01' }),
      makeMember(h.id, { name: 'Istri', relation: 'istri', birthDate: '1987-01-01' }),
    ]
    for (const m of members) await putRaw('members', m)
    expect((await membersOf(h.id)).map((m) => m.name)).toEqual(['Kepala', 'Nenek', 'Istri', 'Anak'])
  })

  it('find many members by id, deleted ones included, whether the ids fill their key range or not', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const h = makeHousehold()
    await putRaw('households', h)
    const members = Array.from({ length: 150 }, (_, i) => makeMember(h.id, { deleted: i === 7 }))
    for (const m of members) await putRaw('members', m)
    const corrupt = members[9] as Member
    await putRaw('members', { ...corrupt, birthDate: 'rusak' })
    const missing = crypto.randomUUID()
    const ids = (step: number) => members.filter((_, i) => i % step === 0).map((m) => m.id)
    for (const wanted of [ids(1), ids(2), ids(3)]) {
      const found = await findMembers([...wanted, missing, ...wanted])
      expect([...found.keys()].sort()).toEqual(wanted.filter((id) => id !== corrupt.id).sort())
    }
    expect((await findMembers(ids(1))).get(members[7]?.id ?? '')?.deleted).toBe(true)
  })
})
