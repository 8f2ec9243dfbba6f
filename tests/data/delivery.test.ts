import { describe, expect, it } from 'vitest'
import { babyRelation, recordDelivery } from '../../src/data/delivery'
import { uuidv7s } from '../../src/data/ids'
import { visitsOf } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import type { Delivery, Member } from '../../src/protocol/records'
import { householdInput, memberInput, NOW, TODAY, withTestDb } from './fixtures'

const db = withTestDb()

async function pregnantMother(): Promise<Member> {
  const h = await saveHousehold(householdInput(), { now: NOW })
  if (!h.ok) throw new Error('household')
  const m = await saveMember(
    memberInput(h.record.id, {
      name: 'Sari',
      sex: 'P',
      birthDate: '1995-04-12',
      relation: 'istri',
      hpht: '2024-09-10',
    }),
    { now: NOW, today: TODAY },
  )
  if (!m.ok) throw new Error('member')
  return m.record
}

const born: Delivery = {
  date: '2025-06-14',
  time: '22:30',
  outcome: 'lahir_hidup',
  place: 'fasyankes',
  attendant: 'nakes',
}
const baby = {
  name: 'Bayi Ny. Sari',
  sex: 'P' as const,
  relation: 'anak' as const,
  weightKg: 3.1,
  lengthCm: 49,
}

describe('recordDelivery', () => {
  it('ends the pregnancy, registers the baby with her mother, and her birth weight as a visit — once', async () => {
    const mother = await pregnantMother()
    const [babyId, visitId] = uuidv7s(2, NOW.getTime()) as [string, string]
    const opts = { now: NOW, today: TODAY, babyId, visitId }
    const first = await recordDelivery(mother.id, { delivery: born, baby }, opts)
    expect(first.ok).toBe(true)
    // Simpan tapped twice: nothing more stored.
    const outboxBefore = await db().outbox.count()
    expect((await recordDelivery(mother.id, { delivery: born, baby }, opts)).ok).toBe(true)
    expect(await db().outbox.count()).toBe(outboxBefore)

    expect(await db().members.get(mother.id)).toMatchObject({
      deliveryDate: '2025-06-14',
      hpht: '2024-09-10',
      delivery: born,
    })
    expect(await db().members.get(babyId)).toMatchObject({
      householdId: mother.householdId,
      motherId: mother.id,
      birthDate: '2025-06-14',
      name: 'Bayi Ny. Sari',
      relation: 'anak',
    })
    const visits = await visitsOf(babyId)
    expect(visits).toHaveLength(1)
    expect(visits[0]).toMatchObject({
      id: visitId,
      date: '2025-06-14',
      place: 'buku_kia',
      parts: { balita: { weightKg: 3.1, lengthCm: 49, position: 'lying' }, neonatus: { birthTime: '22:30' } },
    })
  })

  it('a keguguran ends the pregnancy (HPHT cleared), no nifas, no baby', async () => {
    const mother = await pregnantMother()
    const [babyId, visitId] = uuidv7s(2, NOW.getTime()) as [string, string]
    const keguguran: Delivery = { date: '2025-01-20', outcome: 'keguguran' }
    const result = await recordDelivery(
      mother.id,
      { delivery: keguguran },
      { now: NOW, today: TODAY, babyId, visitId },
    )
    expect(result.ok).toBe(true)
    const stored = await db().members.get(mother.id)
    expect(stored?.hpht).toBeUndefined()
    expect(stored?.deliveryDate).toBeUndefined()
    expect(stored?.delivery).toEqual(keguguran)
    expect(await db().members.count()).toBe(1)
  })

  it('stores nothing when a step is refused (a baby without a name)', async () => {
    const mother = await pregnantMother()
    const outboxBefore = await db().outbox.count()
    const [babyId, visitId] = uuidv7s(2, NOW.getTime()) as [string, string]
    const result = await recordDelivery(
      mother.id,
      { delivery: born, baby: { ...baby, name: ' ' } },
      { now: NOW, today: TODAY, babyId, visitId },
    )
    expect(result).toMatchObject({ ok: false, errors: { 'baby.name': { key: 'err.required' } } })
    expect((await db().members.get(mother.id))?.deliveryDate).toBeUndefined()
    expect(await db().members.count()).toBe(1)
    expect(await db().outbox.count()).toBe(outboxBefore)
  })

  it('names the baby’s relation to the head of the household from the mother’s', () => {
    expect(babyRelation({ relation: 'istri' })).toBe('anak')
    expect(babyRelation({ relation: 'anak' })).toBe('cucu')
    expect(babyRelation({ relation: 'famili_lain' })).toBe('famili_lain')
  })
})
