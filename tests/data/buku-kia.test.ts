import { describe, expect, it } from 'vitest'
import { bukuKiaVisits, saveBukuKiaCopy } from '../../src/data/buku-kia'
import { uuidv7s } from '../../src/data/ids'
import { visitsOf } from '../../src/data/visits'
import { saveHousehold, saveMember } from '../../src/data/write'
import { householdInput, LATER, memberInput, NOW, TODAY, withTestDb } from './fixtures'

const db = withTestDb()

describe('Buku KIA copy', () => {
  it('is one visit per dose date, dated when given, plus one for the ANC contacts', () => {
    const copy = {
      doses: [
        { antigen: 'DPT-HB-Hib' as const, dose: 1, date: '2025-03-01' },
        { antigen: 'HB0' as const, dose: 1, date: '2025-01-01' },
        { antigen: 'PCV' as const, dose: 1, date: '2025-03-01' },
      ],
      ancDates: ['2025-02-01'],
      parts: ['balita', 'ibu_hamil'] as const,
    }
    expect(bukuKiaVisits('m', copy, TODAY)).toEqual([
      {
        memberId: 'm',
        date: '2025-01-01',
        place: 'buku_kia',
        parts: { balita: { immunizations: [{ antigen: 'HB0', dose: 1 }] } },
      },
      {
        memberId: 'm',
        date: '2025-03-01',
        place: 'buku_kia',
        parts: {
          balita: {
            immunizations: [
              { antigen: 'DPT-HB-Hib', dose: 1 },
              { antigen: 'PCV', dose: 1 },
            ],
          },
        },
      },
      {
        memberId: 'm',
        date: TODAY,
        place: 'buku_kia',
        parts: { ibu_hamil: { ancContacts: [{ date: '2025-02-01' }] } },
      },
    ])
  })

  it('an empty book still records that it was copied', () => {
    expect(bukuKiaVisits('m', { doses: [], ancDates: [], parts: ['balita'] }, TODAY)).toEqual([
      { memberId: 'm', date: TODAY, place: 'buku_kia', parts: { balita: { immunizations: [] } } },
    ])
  })

  it('saves the copy once however often Simpan is tapped, with one outbox row', async () => {
    const home = await saveHousehold(householdInput(), { now: NOW })
    if (!home.ok) throw new Error('household')
    const child = await saveMember(
      memberInput(home.record.id, { birthDate: '2024-12-01', relation: 'anak' }),
      {
        now: NOW,
        today: TODAY,
      },
    )
    if (!child.ok) throw new Error('member')
    const copy = {
      doses: [
        { antigen: 'HB0' as const, dose: 1, date: '2024-12-01' },
        { antigen: 'BCG' as const, dose: 1, date: '2025-01-02' },
      ],
      ancDates: [],
      parts: ['balita'] as const,
    }
    const saveIds = uuidv7s(4, NOW.getTime())
    const first = await saveBukuKiaCopy(child.record.id, copy, { now: NOW, today: TODAY, saveIds })
    const again = await saveBukuKiaCopy(child.record.id, copy, { now: LATER, today: TODAY, saveIds })
    expect([...first, ...again].every((r) => r.ok)).toBe(true)
    const visits = await visitsOf(child.record.id)
    expect(visits.map((v) => [v.date, v.place])).toEqual([
      ['2025-01-02', 'buku_kia'],
      ['2024-12-01', 'buku_kia'],
    ])
    expect(await db().outbox.count()).toBe(3) // household, member, the copy's visits
  })
})
