import { describe, expect, it } from 'vitest'
import type { ScheduleVisit } from '../../../src/domain/schedule'
import { makeMember, makeVisit, tasks, tasksOf } from './builders'

// A girl born 2023-04-10, registered in the app on 2024-06-12 at 14 months, with nothing recorded yet.
const girl = makeMember({ id: 'anak', birthDate: '2023-04-10', createdAt: '2024-06-12T02:00:00.000Z' })
const TODAY = '2024-06-12'

/** Her Buku KIA copied: every dose of the routine schedule due by 14 months, on the day it was due. */
const DOSES_BY_14_MONTHS: [string, string, number][] = [
  ['2023-04-10', 'HB0', 1],
  ['2023-05-10', 'BCG', 1],
  ['2023-05-10', 'OPV', 1],
  ['2023-06-10', 'DPT-HB-Hib', 1],
  ['2023-06-10', 'OPV', 2],
  ['2023-06-10', 'PCV', 1],
  ['2023-06-10', 'RV', 1],
  ['2023-07-10', 'DPT-HB-Hib', 2],
  ['2023-07-10', 'OPV', 3],
  ['2023-07-10', 'PCV', 2],
  ['2023-07-10', 'RV', 2],
  ['2023-08-10', 'DPT-HB-Hib', 3],
  ['2023-08-10', 'OPV', 4],
  ['2023-08-10', 'IPV', 1],
  ['2023-08-10', 'RV', 3],
  ['2024-01-10', 'MR', 1],
  ['2024-01-10', 'IPV', 2],
  ['2024-04-10', 'PCV', 3],
]

function copied(
  doses: readonly [string, string, number][],
  createdAt = '2024-06-12T03:00:00.000Z',
): ScheduleVisit[] {
  const byDate = new Map<string, { antigen: string; dose: number }[]>()
  for (const [date, antigen, dose] of doses)
    byDate.set(date, [...(byDate.get(date) ?? []), { antigen, dose }])
  return [...byDate].map(([date, immunizations]) =>
    makeVisit(girl, date, { balita: { immunizations } } as ScheduleVisit['parts'], {
      place: 'buku_kia',
      createdAt,
    }),
  )
}

describe('a newly registered child: one "lengkapi dari Buku KIA", not a dozen overdue doses', () => {
  it('folds the doses overdue from before registration into one Buku KIA task, due now', () => {
    const list = tasks(TODAY, { members: [girl] })
    expect(list.filter((t) => t.rule === 'imunisasi')).toEqual([])
    expect(tasksOf('buku_kia', TODAY, { members: [girl] })).toEqual([
      expect.objectContaining({
        id: 'buku_kia:anak:2024-06-12',
        state: 'due',
        dueFrom: '2024-06-12',
        dueTo: '2024-06-18',
        priority: 2,
        reason: {
          id: 'Lengkapi dari Buku KIA: imunisasi sebelum terdaftar',
          en: 'Copy from the Buku KIA: vaccinations before registration',
        },
      }),
    ])
    expect(list.some((t) => t.state === 'overdue')).toBe(false)
  })

  it('once her complete Buku KIA is copied: nothing overdue, the copy listed as done', () => {
    const visits = copied(DOSES_BY_14_MONTHS)
    const list = tasks(TODAY, { members: [girl], visits })
    expect(list.filter((t) => t.state === 'overdue')).toEqual([])
    expect(list.filter((t) => t.rule === 'imunisasi')).toEqual([])
    expect(tasksOf('buku_kia', TODAY, { members: [girl], visits })[0]).toMatchObject({
      state: 'done',
      doneOn: '2024-06-12',
    })
  })

  it('a dose the book does not have is overdue — from the registration day, not from when it was due', () => {
    const visits = copied(DOSES_BY_14_MONTHS.filter(([, antigen]) => antigen !== 'MR'))
    const [task] = tasksOf('imunisasi', TODAY, { members: [girl], visits })
    expect(task).toMatchObject({ state: 'due', dueFrom: '2024-06-12', dueTo: '2024-06-18' })
    expect(task?.reason.id).toMatch(/MR 1/)
    expect(tasksOf('imunisasi', '2024-06-19', { members: [girl], visits })[0]?.state).toBe('overdue')
  })

  it('drops a task that could no longer be done when she was registered (vitamin A of an earlier round)', () => {
    expect(tasks('2024-06-12', { members: [girl] }).filter((t) => t.dueTo < '2024-06-12')).toEqual([])
  })

  it('a member registered before the task began is not touched', () => {
    const early = { ...girl, id: 'lama', createdAt: '2023-04-11T00:00:00.000Z' }
    expect(tasksOf('imunisasi', TODAY, { members: [early] })[0]).toMatchObject({ state: 'overdue' })
    expect(tasksOf('buku_kia', TODAY, { members: [early] })).toEqual([])
  })
})

describe('a pregnant woman registered in her second trimester', () => {
  // HPHT 2024-01-01: TM1 (1 contact) ended before she was registered on 2024-05-01.
  const bumil = makeMember({
    id: 'bumil',
    birthDate: '1995-05-05',
    hpht: '2024-01-01',
    createdAt: '2024-05-01T02:00:00.000Z',
  })

  it('asks to copy her ANC contacts instead of "ANC trimester 1 overdue"', () => {
    expect(tasksOf('anc_tm1', '2024-05-02', { members: [bumil] })).toEqual([])
    expect(tasksOf('buku_kia', '2024-05-02', { members: [bumil] })[0]?.reason.id).toBe(
      'Lengkapi dari Buku KIA: ANC trimester 1 sebelum terdaftar',
    )
    const copy = makeVisit(
      bumil,
      '2024-05-02',
      { ibu_hamil: { ancContacts: [{ date: '2024-02-15' }] } },
      { place: 'buku_kia', createdAt: '2024-05-02T01:00:00.000Z' },
    )
    // The copied contact did trimester 1 long ago: nothing to do, the copy listed as done.
    expect(tasksOf('anc_tm1', '2024-05-02', { members: [bumil], visits: [copy] })).toEqual([])
    expect(tasksOf('buku_kia', '2024-05-02', { members: [bumil], visits: [copy] })[0]?.state).toBe('done')
    // A copy is not a meeting: she still needs her monthly visit.
    expect(tasksOf('bumil_kontak', '2024-05-20', { members: [bumil], visits: [copy] })).not.toEqual([])
  })
})
