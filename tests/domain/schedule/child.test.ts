import { describe, expect, it } from 'vitest'
import type { Antigen } from '../../../src/domain/immunization'
import { makeMember, makeVisit, tasksOf } from './builders'

const baby = makeMember({ id: 'bayi', birthDate: '2024-01-01', sex: 'L' })
const vaccinate = (date: string, ...doses: [Antigen, number][]) =>
  makeVisit(baby, date, { balita: { immunizations: doses.map(([antigen, dose]) => ({ antigen, dose })) } })
// Everything due by 2 months, on time.
const onTime = [
  vaccinate('2024-01-01', ['HB0', 1]),
  vaccinate('2024-02-01', ['BCG', 1], ['OPV', 1]),
  vaccinate('2024-03-01', ['DPT-HB-Hib', 1], ['OPV', 2], ['PCV', 1], ['RV', 1]),
]

describe('overdue immunisation', () => {
  it('gives one task listing every overdue dose', () => {
    // 2024-05-10: 4 months 9 days — the 3-month doses are late (from 4 months), the 4-month doses only due.
    const list = tasksOf('imunisasi', '2024-05-10', { members: [baby], visits: onTime })
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      id: 'imunisasi:bayi:2024-04-01',
      state: 'overdue',
      dueFrom: '2024-04-01',
      dueTo: '2024-04-30',
      lastDay: '2028-12-31',
      priority: 2,
      reason: { id: 'Imunisasi terlambat: DPT-HB-Hib 2, OPV 3, PCV 2, RV 2 — ajak ke posyandu/pustu' },
    })
  })

  it('says to copy the Buku KIA first when nothing is recorded', () => {
    const [task] = tasksOf('imunisasi', '2024-05-10', { members: [baby] })
    expect(task?.reason.id).toMatch(/^Lengkapi dari Buku KIA: \d+ dosis imunisasi belum tercatat/)
    expect(task?.dueFrom).toBe('2024-01-01')
  })

  it('resolves itself when a visit gives the overdue doses', () => {
    const catchUp = vaccinate('2024-05-12', ['DPT-HB-Hib', 2], ['OPV', 3], ['PCV', 2], ['RV', 2])
    const [task] = tasksOf('imunisasi', '2024-05-12', { members: [baby], visits: [...onTime, catchUp] })
    expect(task).toMatchObject({
      id: 'imunisasi:bayi:2024-04-01',
      state: 'done',
      doneBy: catchUp.id,
      doneOn: '2024-05-12',
    })
    expect(tasksOf('imunisasi', '2024-05-20', { members: [baby], visits: [...onTime, catchUp] })).toEqual([])
  })

  it('keeps the task open while some overdue doses are still missing', () => {
    const partial = vaccinate('2024-05-12', ['DPT-HB-Hib', 2], ['OPV', 3])
    const [task] = tasksOf('imunisasi', '2024-05-12', { members: [baby], visits: [...onTime, partial] })
    expect(task).toMatchObject({ state: 'overdue', reason: { en: expect.stringMatching(/PCV 2, RV 2/) } })
  })

  it('gives no task when nothing is overdue, nor from 5 years of age', () => {
    expect(tasksOf('imunisasi', '2024-03-05', { members: [baby], visits: onTime })).toEqual([])
    expect(tasksOf('imunisasi', '2029-01-01', { members: [baby] })).toEqual([])
  })
})

describe('vitamin A round', () => {
  // February 2024's open day: Tuesday 13th. A 25-month-old (red capsule).
  const child = makeMember({ id: 'anak', birthDate: '2022-01-01' })
  const capsule = (date: string) => makeVisit(child, date, { balita: { vitaminA: true } })

  it('is due after the open day in February, not in March', () => {
    expect(tasksOf('vitamin_a', '2024-02-20', { members: [child] })[0]).toMatchObject({
      id: 'vitamin_a:anak:2024-02-14',
      state: 'due',
      dueTo: '2024-02-29',
      priority: 3,
      reason: { id: 'Vitamin A kapsul merah belum diberikan (hari buka 13 Feb 2024) — kunjungi rumah' },
    })
    expect(tasksOf('vitamin_a', '2024-03-05', { members: [child] })[0]?.state).toBe('expired')
    expect(tasksOf('vitamin_a', '2024-03-20', { members: [child] })).toEqual([])
  })

  it('gives no task to a child who got the capsule at the open day', () => {
    expect(tasksOf('vitamin_a', '2024-02-20', { members: [child], visits: [capsule('2024-02-13')] })).toEqual(
      [],
    )
  })

  it('resolves itself when the capsule is given at home', () => {
    const home = capsule('2024-02-21')
    expect(tasksOf('vitamin_a', '2024-02-21', { members: [child], visits: [home] })[0]).toMatchObject({
      state: 'done',
      doneBy: home.id,
    })
  })

  it('gives the blue capsule once to infants 6–11 months, and nothing under 6 months', () => {
    const infant = makeMember({ id: 'bayi', birthDate: '2023-07-01' }) // 7 months in February 2024
    expect(tasksOf('vitamin_a', '2024-02-20', { members: [infant] })[0]?.reason.en).toMatch(/blue capsule/)
    const young = makeMember({ id: 'kecil', birthDate: '2023-10-01' })
    expect(tasksOf('vitamin_a', '2024-02-20', { members: [young] })).toEqual([])
  })

  it('is upcoming in the week before the August window', () => {
    // August 2024: the 1st is a Thursday, open day Tuesday 13th, window from the 14th.
    expect(tasksOf('vitamin_a', '2024-08-07', { members: [child] })[0]?.state).toBe('upcoming')
    expect(tasksOf('vitamin_a', '2024-08-06', { members: [child] })).toEqual([])
  })
})
