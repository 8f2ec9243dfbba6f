import { afterEach, describe, expect, it, vi } from 'vitest'
import { entriesOf, entriesOfRecords } from '../../src/data/outbox'
import { saveFollowUp, saveVisit, saveVisits, visitsOf, workAreaVisits } from '../../src/data/visits'
import { deleteMember, saveHousehold, saveMember } from '../../src/data/write'
import { householdInput, LATER, memberInput, NOW, TODAY, WORK_AREA, withTestDb } from './fixtures'

const db = withTestDb()

afterEach(() => {
  vi.restoreAllMocks()
})

async function child() {
  const h = await saveHousehold(householdInput(), { now: NOW })
  if (!h.ok) throw new Error('household')
  const m = await saveMember(
    memberInput(h.record.id, { name: 'Rizky', sex: 'L', birthDate: '2023-03-01', relation: 'anak' }),
    {
      now: NOW,
      today: TODAY,
    },
  )
  if (!m.ok) throw new Error('member')
  return m.record
}

const weighing = (memberId: string, date: string, weightKg: number) => ({
  memberId,
  date,
  place: 'posyandu',
  parts: { balita: { weightKg, lengthCm: 88.2, position: 'standing' } },
})

describe('visits', () => {
  it('stores a visit with the household and work area copied, and one outbox entry', async () => {
    const m = await child()
    const before = await db().outbox.count()
    const result = await saveVisit(weighing(m.id, '2025-06-10', 12.1), { now: NOW, today: TODAY })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.record).toMatchObject({
      memberId: m.id,
      householdId: m.householdId,
      workAreaId: WORK_AREA,
      version: 1,
    })
    expect(await db().outbox.count()).toBe(before + 1)
    const entries = await entriesOfRecords(db(), [result.record.id])
    expect(entries.map((e) => [e.entity, e.recordId, e.changeId])).toEqual([
      ['visits', result.record.id, result.record.id],
    ])
  })

  it('refuses a future date, a date before birth, an empty visit and a deleted member, storing nothing', async () => {
    const m = await child()
    const outbox = await db().outbox.count()
    const future = await saveVisit(weighing(m.id, '2025-06-16', 12), { now: NOW, today: TODAY })
    expect(!future.ok && future.errors.date?.key).toBe('err.visit.dateFuture')
    const beforeBirth = await saveVisit(weighing(m.id, '2023-02-01', 3), { now: NOW, today: TODAY })
    expect(!beforeBirth.ok && beforeBirth.errors.date?.key).toBe('err.visit.beforeBirth')
    const empty = await saveVisit(
      { memberId: m.id, date: TODAY, place: 'rumah', parts: {} },
      { now: NOW, today: TODAY },
    )
    expect(!empty.ok && empty.errors.parts?.key).toBe('err.visit.empty')
    await deleteMember(m.id, { now: NOW })
    const afterDelete = await db().outbox.count()
    const deleted = await saveVisit(weighing(m.id, TODAY, 12), { now: NOW, today: TODAY })
    expect(!deleted.ok && deleted.errors.memberId?.key).toBe('err.visit.memberMissing')
    expect(await db().visits.count()).toBe(0)
    expect(afterDelete).toBe(outbox + 1) // only the deletion itself
    expect(await db().outbox.count()).toBe(afterDelete)
  })

  it('keeps a corrected visit, marked superseded, and lists the newest first', async () => {
    const m = await child()
    const first = await saveVisit(weighing(m.id, '2025-06-01', 21), { now: NOW, today: TODAY })
    if (!first.ok) throw new Error('first')
    const fix = await saveVisit(
      { ...weighing(m.id, '2025-06-01', 12.1), supersedes: first.record.id },
      { now: LATER, today: TODAY },
    )
    expect(fix.ok).toBe(true)
    const rows = await visitsOf(m.id)
    expect(rows.map((v) => v.parts.balita?.weightKg)).toEqual([12.1, 21])
    expect(rows[1]?.supersededBy).toBe(fix.ok ? fix.record.id : undefined)
    const stranger = await saveVisit(
      { ...weighing(m.id, '2025-06-01', 12), supersedes: crypto.randomUUID() },
      { now: LATER, today: TODAY },
    )
    expect(!stranger.ok && stranger.errors.supersedes?.key).toBe('err.visit.supersedes')
  })

  it('records a referral follow-up for the visit’s work area', async () => {
    const m = await child()
    const v = await saveVisit(weighing(m.id, '2025-06-01', 8), { now: NOW, today: TODAY })
    if (!v.ok) throw new Error('visit')
    const f = await saveFollowUp(
      {
        visitId: v.record.id,
        problem: 'gizi',
        date: TODAY,
        outcome: 'sampai',
        facility: 'puskesmas',
        result: 'PMT',
      },
      { now: LATER, today: TODAY },
    )
    expect(f.ok).toBe(true)
    const area = await workAreaVisits(WORK_AREA)
    expect(area.visits).toHaveLength(1)
    expect(area.followUps[0]).toMatchObject({ memberId: m.id, outcome: 'sampai', facility: 'puskesmas' })
    const bad = await saveFollowUp(
      { visitId: v.record.id, problem: 'gizi', date: TODAY, outcome: 'lupa' },
      { now: LATER, today: TODAY },
    )
    expect(!bad.ok && bad.errors.outcome?.key).toBe('err.followUp.outcome')
  })

  it('asks where the person arrived, and why they refused', async () => {
    const m = await child()
    const v = await saveVisit(weighing(m.id, '2025-06-01', 8), { now: NOW, today: TODAY })
    if (!v.ok) throw new Error('visit')
    const base = { visitId: v.record.id, problem: 'gizi', date: TODAY }
    const arrived = await saveFollowUp({ ...base, outcome: 'sampai' }, { now: LATER, today: TODAY })
    expect(!arrived.ok && arrived.errors.facility?.key).toBe('err.followUp.facility')
    const refused = await saveFollowUp(
      { ...base, outcome: 'menolak', result: '  ' },
      { now: LATER, today: TODAY },
    )
    expect(!refused.ok && refused.errors.result?.key).toBe('err.followUp.reason')
    const unnamed = await saveFollowUp(
      { visitId: v.record.id, date: TODAY, outcome: 'belum_berangkat' },
      { now: LATER, today: TODAY },
    )
    expect(!unnamed.ok && unnamed.errors.problem?.key).toBe('err.required')
    expect(await db().followUps.count()).toBe(0)
  })
})

describe('saveVisits', () => {
  const opts = { now: NOW, today: TODAY }

  it('saves every valid visit in one call, with ONE outbox row that stands for each of them, in order', async () => {
    const m = await child()
    const before = await db().outbox.count()
    const results = await saveVisits(
      [weighing(m.id, '2025-06-01', 11.8), weighing(m.id, '2025-06-10', 12.1), weighing(m.id, TODAY, 12.3)],
      opts,
    )
    expect(results.map((r) => r.ok)).toEqual([true, true, true])
    const ids = results.flatMap((r) => (r.ok ? [r.record.id] : []))
    expect((await visitsOf(m.id)).map((v) => v.parts.balita?.weightKg)).toEqual([12.3, 12.1, 11.8])
    const rows = await db().outbox.offset(before).toArray()
    expect(rows).toHaveLength(1)
    expect(rows.flatMap(entriesOf).map((e) => [e.entity, e.recordId, e.version])).toEqual(
      ids.map((id) => ['visits', id, 1]),
    )
  })

  it('refuses each bad input with the single save’s message and writes only the valid ones', async () => {
    const m = await child()
    const other = await child()
    const old = await saveVisit(weighing(other.id, '2025-06-01', 12), opts)
    if (!old.ok) throw new Error('old')
    await deleteMember(other.id, { now: NOW })
    const before = await db().outbox.count()
    const results = await saveVisits(
      [
        weighing(m.id, '2025-06-16', 12),
        weighing(m.id, '2025-06-10', 12.1),
        weighing(other.id, TODAY, 12),
        { ...weighing(m.id, TODAY, 12), supersedes: old.record.id },
        { memberId: m.id, date: TODAY, place: 'rumah', parts: {} },
        weighing(m.id, TODAY, 12.4),
      ],
      opts,
    )
    expect(results.map((r) => (r.ok ? 'ok' : Object.values(r.errors).map((e) => e.key)))).toEqual([
      ['err.visit.dateFuture'],
      'ok',
      ['err.visit.memberMissing'],
      ['err.visit.supersedes'],
      ['err.visit.empty'],
      'ok',
    ])
    const saved = results.flatMap((r) => (r.ok ? [r.record.id] : []))
    expect((await db().visits.where('memberId').equals(m.id).toArray()).map((v) => v.id).sort()).toEqual(
      [...saved].sort(),
    )
    const rows = await db().outbox.offset(before).toArray()
    expect(rows.flatMap(entriesOf).map((e) => e.recordId)).toEqual(saved)
  })

  it('stamps a batch with its moment and distinct v7 ids that ascend in input order, refused inputs skipped', async () => {
    const m = await child()
    const inputs = Array.from({ length: 50 }, (_, i) =>
      weighing(m.id, i % 7 === 3 ? '2025-06-16' : TODAY, 10 + i / 10),
    )
    const records = (await saveVisits(inputs, opts)).flatMap((r) => (r.ok ? [r.record] : []))
    expect(records.map((r) => r.parts.balita?.weightKg)).toEqual(
      inputs.flatMap((v, i) => (i % 7 === 3 ? [] : [v.parts.balita.weightKg])),
    )
    const ids = records.map((r) => r.id)
    expect(ids).toEqual([...ids].sort())
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of records) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(Number.parseInt(r.id.replace('-', '').slice(0, 12), 16)).toBe(NOW.getTime())
      expect([r.createdAt, r.updatedAt]).toEqual([NOW.toISOString(), NOW.toISOString()])
    }
    expect((await db().visits.bulkGet(ids)).map((v) => v?.id)).toEqual(ids)
  })

  it('writes no outbox row when every input is refused', async () => {
    const m = await child()
    const before = await db().outbox.count()
    const results = await saveVisits([weighing(m.id, '2025-06-16', 12)], opts)
    expect(results.map((r) => r.ok)).toEqual([false])
    expect(await db().outbox.count()).toBe(before)
  })

  it('writes nothing at all when the outbox append fails', async () => {
    const m = await child()
    const visits = await db().visits.count()
    const outbox = await db().outbox.count()
    vi.spyOn(db().outbox, 'add').mockRejectedValue(new Error('disk'))
    await expect(
      saveVisits([weighing(m.id, '2025-06-10', 12.1), weighing(m.id, TODAY, 12.3)], opts),
    ).rejects.toThrow('disk')
    vi.restoreAllMocks()
    expect(await db().visits.count()).toBe(visits)
    expect(await db().outbox.count()).toBe(outbox)
  })
})
