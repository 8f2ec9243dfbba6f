// "Buang perubahan" (src/data/discard.ts): only the refused entry goes, and the record goes back to the server's.
import { describe, expect, it } from 'vitest'
import { discardRejected } from '../../src/data/discard'
import { entriesOf, entriesOfRecords, settleEntries } from '../../src/data/outbox'
import type { OutboxEntry } from '../../src/data/schemas'
import { AUTH_KEY } from '../../src/data/sync-state'
import { saveVisit } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import type { Household } from '../../src/protocol/records'
import { leftKey } from '../../src/sync/left'
import { householdInput, LATER, memberInput, NOW, TODAY, withTestDb } from './fixtures'

const db = withTestDb()

async function saved<T>(result: Promise<{ ok: true; record: T } | { ok: false }>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error('write refused')
  return r.record
}
const newHousehold = (headName: string) => saved(saveHousehold(householdInput({ headName }), { now: NOW }))

/** As if the server had acknowledged everything waiting: no outbox, no base stamps. */
async function acknowledgeAll() {
  await db().outbox.clear()
  for (const c of await db().clocks.toArray()) await db().clocks.put({ key: c.key, hlcs: c.hlcs })
}

/** The server refuses the waiting changes of `recordId`; returns the refused entry. */
async function refuse(recordId: string, reason: 'invalid' | 'forbidden' = 'forbidden'): Promise<OutboxEntry> {
  const entries = (await db().outbox.toArray()).flatMap(entriesOf).filter((e) => e.recordId === recordId)
  const rejection = { reason, issues: [], at: NOW.toISOString() }
  await settleEntries(
    db(),
    [],
    entries.map((entry) => ({ entry, rejection })),
  )
  const [refused] = (await db().outbox.toArray()).flatMap(entriesOf).filter((e) => e.recordId === recordId)
  if (!refused?.rejected || refused.seq === undefined) throw new Error('not refused')
  return refused
}

/** A household the server stored, renamed on the phone, and the rename refused. */
async function refusedRename(headName: string) {
  const home = await newHousehold(headName)
  await acknowledgeAll()
  await editHousehold(home, { headName: `${headName} Lagi` })
  return { home, refused: await refuse(home.id) }
}

/** A stored child with one weighing on the phone, not yet sent. */
async function weighedChild(headName: string) {
  const home = await newHousehold(headName)
  const child = { name: 'Rizky', sex: 'L', birthDate: '2023-03-01', relation: 'anak' } as const
  const member = await saved(saveMember(memberInput(home.id, child), { now: NOW, today: TODAY }))
  await acknowledgeAll()
  const weighing = { balita: { weightKg: 12.1, lengthCm: 88.2, position: 'standing' } }
  const visit = await saved(
    saveVisit(
      { memberId: member.id, date: TODAY, place: 'posyandu', parts: weighing },
      { now: NOW, today: TODAY },
    ),
  )
  return { member, visit }
}

/** That weighing and, on the phone, its correction. */
async function correctedVisit(headName: string) {
  const { member, visit } = await weighedChild(headName)
  const weighing = { balita: { weightKg: 12.4, lengthCm: 88.2, position: 'standing' } }
  const correction = await saved(
    saveVisit(
      { memberId: member.id, date: TODAY, place: 'posyandu', parts: weighing, supersedes: visit.id },
      { now: LATER, today: TODAY },
    ),
  )
  return { visit, correction }
}

async function editHousehold(h: Household, changes: Partial<Household>) {
  const { id, createdAt: _c, updatedAt: _u, deviceId: _d, version: _v, deleted: _x, ...input } = h
  return saved(saveHousehold({ ...input, ...changes }, { id, now: LATER }))
}

describe('discardRejected', () => {
  it('drops only the refused edit of a stored record and asks the server for its copy', async () => {
    const home = await newHousehold('Budi Santoso')
    await acknowledgeAll()
    const storedStamp = (await db().clocks.get(`households:${home.id}`))?.hlcs.headName
    await editHousehold(home, { headName: 'Budi Salah', noKk: '3301010101010001' })
    const refused = await refuse(home.id)
    const other = await newHousehold('Rumah Lain')

    expect(await discardRejected(refused.seq as number)).toEqual({ ok: true, record: 'server' })
    const rows = (await db().outbox.toArray()).flatMap(entriesOf)
    expect(rows.map((e) => [e.recordId, e.refresh ?? false, e.rejected])).toEqual([
      [other.id, false, undefined],
      [home.id, true, undefined],
    ])
    const clocks = await db().clocks.get(`households:${home.id}`)
    // The refused stamps are gone, so the server's stamps win when its copy arrives; a field the edit set first
    // (noKk) is cleared at once; the stamp the server already had is untouched.
    expect(clocks?.hlcs.headName).toBeUndefined()
    expect(clocks?.hlcs.noKk).toBeUndefined()
    expect(clocks?.base).toBeUndefined()
    expect(clocks?.hlcs.address).toBe(storedStamp)
    expect((await db().households.get(home.id))?.noKk).toBeUndefined()

    // A second tap discards nothing more.
    expect(await discardRejected(refused.seq as number)).toEqual({ ok: false, reason: 'gone' })
    expect(await db().outbox.count()).toBe(2)
  })

  it('deletes a record the server never stored, unless records on the phone hang off it', async () => {
    const home = await newHousehold('Rumah Baru')
    const member = await saved(saveMember(memberInput(home.id), { now: NOW, today: TODAY }))
    const refusedHome = await refuse(home.id, 'invalid')

    expect(await discardRejected(refusedHome.seq as number)).toEqual({ ok: false, reason: 'dependents' })
    expect(await db().households.get(home.id)).toBeDefined()
    expect(await db().outbox.get(refusedHome.seq as number)).toMatchObject({
      rejected: { reason: 'invalid' },
    })

    const refusedMember = await refuse(member.id, 'invalid')
    expect(await discardRejected(refusedMember.seq as number)).toEqual({ ok: true, record: 'removed' })
    expect(await discardRejected(refusedHome.seq as number)).toEqual({ ok: true, record: 'removed' })
    expect(await db().households.count()).toBe(0)
    expect(await db().members.count()).toBe(0)
    expect(await db().clocks.count()).toBe(0)
    expect(await db().outbox.count()).toBe(0)
  })

  it('deletes a refused visit, which the server never stores', async () => {
    const { member, visit } = await weighedChild('Rumah Kunjungan')
    const refused = await refuse(visit.id)
    expect(await discardRejected(refused.seq as number)).toEqual({ ok: true, record: 'removed' })
    expect(await db().visits.count()).toBe(0)
    expect(await db().members.get(member.id)).toBeDefined()
  })

  it('keeps a refused visit that a correction on the phone supersedes until the correction goes', async () => {
    const { visit, correction } = await correctedVisit('Rumah Koreksi')
    const refusedVisit = await refuse(visit.id)
    const refusedCorrection = await refuse(correction.id)

    expect(await discardRejected(refusedVisit.seq as number)).toEqual({ ok: false, reason: 'dependents' })
    expect(await db().visits.get(visit.id)).toBeDefined()
    expect(await discardRejected(refusedCorrection.seq as number)).toEqual({ ok: true, record: 'removed' })
    expect(await discardRejected(refusedVisit.seq as number)).toEqual({ ok: true, record: 'removed' })
    expect(await db().visits.count()).toBe(0)
  })

  it('lets a refused visit go once the server has stored its correction', async () => {
    const { visit, correction } = await correctedVisit('Rumah Terkoreksi')
    const refused = await refuse(visit.id)
    const [sent] = await entriesOfRecords(db(), [correction.id])
    await settleEntries(db(), [sent as OutboxEntry], [])

    // The server holds the correction already, and never had the visit: nothing is left to discard first.
    expect(await discardRejected(refused.seq as number)).toEqual({ ok: true, record: 'removed' })
    expect((await db().visits.toArray()).map((v) => v.id)).toEqual([correction.id])
  })

  it('leaves a household that left the area to the next pull, with no refresh', async () => {
    const { home, refused } = await refusedRename('Rumah Pindah')
    await db().meta.put({ key: AUTH_KEY, value: { workArea: { id: 'bolang' } } })
    await db().meta.put({ key: leftKey('bolang'), value: [home.id] })

    expect(await discardRejected(refused.seq as number)).toEqual({ ok: true, record: 'left' })
    expect(await db().outbox.count()).toBe(0)
    expect(await db().households.get(home.id)).toBeDefined()
  })

  it("forgets a refresh the server refuses: it held nothing of the kader's", async () => {
    const { refused } = await refusedRename('Rumah Segar')
    await discardRejected(refused.seq as number)
    const [refresh] = (await db().outbox.toArray()).flatMap(entriesOf)
    expect(refresh?.refresh).toBe(true)
    await settleEntries(
      db(),
      [],
      [
        {
          entry: refresh as OutboxEntry,
          rejection: { reason: 'forbidden', issues: [], at: NOW.toISOString() },
        },
      ],
    )
    expect(await db().outbox.count()).toBe(0)
  })
})
