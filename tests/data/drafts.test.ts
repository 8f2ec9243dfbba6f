import { describe, expect, it } from 'vitest'
import { deleteDraft, draftKeys, getDraft, listDrafts, putDraft } from '../../src/data/drafts'
import { uuidv7 } from '../../src/data/ids'
import { saveFollowUp, saveVisit } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import { householdInput, LATER, memberInput, NOW, TODAY, withTestDb } from './fixtures'

const db = withTestDb()

const draftOf = (id: string, updatedAt = NOW.toISOString()) => ({
  id,
  kind: 'household' as const,
  path: '#/rumah/baru',
  values: { headName: 'Slamet Riyadi' },
  updatedAt,
})

describe('drafts', () => {
  it('keeps a draft, lists the newest first, and deletes it', async () => {
    await putDraft(draftOf('a'))
    await putDraft({ ...draftOf('b', LATER.toISOString()), label: 'Slamet Riyadi' })
    expect((await listDrafts()).map((d) => d.id)).toEqual(['b', 'a'])
    expect(await getDraft('b')).toMatchObject({
      label: 'Slamet Riyadi',
      values: { headName: 'Slamet Riyadi' },
    })
    await deleteDraft('a')
    expect((await listDrafts()).map((d) => d.id)).toEqual(['b'])
  })

  it('skips a corrupt draft instead of failing the list', async () => {
    await db().drafts.put({ ...draftOf('bad'), path: 'not a route' })
    await putDraft(draftOf('good'))
    expect((await listDrafts()).map((d) => d.id)).toEqual(['good'])
    expect(await getDraft('bad')).toBeUndefined()
  })
})

describe('idempotent saves', () => {
  it('stores one household and one change however often the same new-household save runs', async () => {
    const saveId = uuidv7()
    const draftId = draftKeys.householdNew(saveId)
    await putDraft(draftOf(draftId))
    const runs = await Promise.all(
      [1, 2, 3].map(() => saveHousehold(householdInput(), { saveId, draftId, now: NOW })),
    )
    expect(runs.every((r) => r.ok && r.record.id === saveId)).toBe(true)
    expect(await db().households.count()).toBe(1)
    expect(await db().outbox.count()).toBe(1)
    expect(await getDraft(draftId)).toBeUndefined()
  })

  it('applies a repeated save with changed input as an edit of the record the first made', async () => {
    const saveId = uuidv7()
    await saveHousehold(householdInput(), { saveId, now: NOW })
    const again = await saveHousehold(householdInput({ headName: 'Slamet Riyadi' }), { saveId, now: LATER })
    expect(again.ok && again.record).toMatchObject({ id: saveId, headName: 'Slamet Riyadi', version: 2 })
    expect(await db().households.count()).toBe(1)
  })

  it('stores one member however often the same new-member save runs', async () => {
    const home = await saveHousehold(householdInput(), { now: NOW })
    if (!home.ok) throw new Error('household')
    const saveId = uuidv7()
    for (let i = 0; i < 3; i++)
      await saveMember(memberInput(home.record.id), { saveId, now: NOW, today: TODAY })
    expect(await db().members.count()).toBe(1)
  })

  it('stores one visit however often the same visit save runs, and deletes its draft with it', async () => {
    const home = await saveHousehold(householdInput(), { now: NOW })
    if (!home.ok) throw new Error('household')
    const child = await saveMember(
      memberInput(home.record.id, { name: 'Rizky', sex: 'L', birthDate: '2023-03-01', relation: 'anak' }),
      { now: NOW, today: TODAY },
    )
    if (!child.ok) throw new Error('member')
    const visit = {
      memberId: child.record.id,
      date: TODAY,
      place: 'posyandu',
      parts: { balita: { weightKg: 12.4 } },
    }
    const saveId = uuidv7()
    const draftId = draftKeys.visit(child.record.id)
    await putDraft({ ...draftOf(draftId), kind: 'visit' })
    const first = await saveVisit(visit, { now: NOW, today: TODAY, saveId, draftId })
    const second = await saveVisit(visit, { now: LATER, today: TODAY, saveId, draftId })
    expect(first.ok && second.ok && second.record).toEqual(first.ok && first.record)
    expect(await db().visits.count()).toBe(1)
    const inserts = await db().outbox.toArray()
    expect(inserts.flatMap((row) => ('recordIds' in row ? row.recordIds : []))).toEqual([saveId])
    expect(await getDraft(draftId)).toBeUndefined()
  })

  it('stores each follow-up once however often the same follow-up save runs', async () => {
    const home = await saveHousehold(householdInput(), { now: NOW })
    if (!home.ok) throw new Error('household')
    const siti = await saveMember(memberInput(home.record.id), { now: NOW, today: TODAY })
    if (!siti.ok) throw new Error('member')
    const visit = await saveVisit(
      { memberId: siti.record.id, date: TODAY, place: 'rumah', parts: { dewasa: { systolicMmHg: 190 } } },
      { now: NOW, today: TODAY },
    )
    if (!visit.ok) throw new Error('visit')
    const input = { visitId: visit.record.id, problem: 'gizi', date: TODAY, outcome: 'belum_berangkat' }
    const saveId = uuidv7()
    await saveFollowUp(input, { now: NOW, today: TODAY, saveId })
    await saveFollowUp(input, { now: LATER, today: TODAY, saveId })
    expect((await db().followUps.toArray()).map((f) => f.id)).toEqual([saveId])
  })

  it('keeps the draft of a visit the save refused', async () => {
    const draftId = draftKeys.visit(uuidv7())
    await putDraft({ ...draftOf(draftId), kind: 'visit' })
    const refused = await saveVisit(
      { memberId: uuidv7(), date: TODAY, place: 'posyandu', parts: { balita: { weightKg: 12 } } },
      { now: NOW, today: TODAY, saveId: uuidv7(), draftId },
    )
    expect(refused.ok).toBe(false)
    expect(await getDraft(draftId)).toBeDefined()
  })
})
