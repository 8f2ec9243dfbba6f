import { describe, expect, it } from 'vitest'
import { makeMember, makeVisit, tasksOf } from './builders'

// Open days (second Tuesday): 2024-06-11, 2024-07-09, 2024-10-08, 2025-01-14.
const child = makeMember({ id: 'anak', birthDate: '2022-03-15', sex: 'L' })
const weigh = (date: string, extra = {}) => makeVisit(child, date, { balita: { weightKg: 11.2 } }, extra)

describe('balita not weighed this month', () => {
  it('gives no task to a balita weighed on the open day', () => {
    const visits = [weigh('2024-06-11')]
    for (const today of ['2024-06-11', '2024-06-12', '2024-06-30']) {
      expect(tasksOf('balita_timbang', today, { members: [child], visits })).toEqual([])
    }
  })

  it('gives no task to a balita weighed earlier in the month (home visit before the open day)', () => {
    expect(
      tasksOf('balita_timbang', '2024-06-20', { members: [child], visits: [weigh('2024-06-03')] }),
    ).toEqual([])
  })

  it('is due from the day after the open day to the end of the month, upcoming before', () => {
    const [onOpenDay] = tasksOf('balita_timbang', '2024-06-11', { members: [child] })
    expect(onOpenDay).toMatchObject({
      id: 'balita_timbang:anak:2024-06-12',
      state: 'upcoming',
      dueFrom: '2024-06-12',
      dueTo: '2024-06-30',
      priority: 2,
      householdId: 'h1',
    })
    expect(tasksOf('balita_timbang', '2024-06-12', { members: [child] })[0]?.state).toBe('due')
    expect(tasksOf('balita_timbang', '2024-06-30', { members: [child] })[0]?.state).toBe('due')
  })

  it('is never overdue: expired from the 1st of next month, listed for a week, then gone', () => {
    const june = (today: string) =>
      tasksOf('balita_timbang', today, { members: [child] })
        .filter((t) => t.dueFrom === '2024-06-12')
        .map((t) => t.state)
    expect(june('2024-07-01')).toEqual(['expired'])
    expect(june('2024-07-07')).toEqual(['expired'])
    expect(june('2024-07-08')).toEqual([])
    // July's window opens on the 10th (open day 2024-07-09): listed as upcoming a week ahead.
    expect(
      tasksOf('balita_timbang', '2024-07-02', { members: [child] }).map((t) => [t.dueFrom, t.state]),
    ).toEqual([['2024-06-12', 'expired']])
    expect(
      tasksOf('balita_timbang', '2024-07-03', { members: [child] }).map((t) => [t.dueFrom, t.state]),
    ).toEqual([
      ['2024-07-10', 'upcoming'],
      ['2024-06-12', 'expired'],
    ])
  })

  it('resolves itself when the home weighing is recorded', () => {
    const home = weigh('2024-06-20')
    expect(tasksOf('balita_timbang', '2024-06-19', { members: [child], visits: [home] })[0]?.state).toBe(
      'due',
    )
    const [done] = tasksOf('balita_timbang', '2024-06-20', { members: [child], visits: [home] })
    expect(done).toMatchObject({
      id: 'balita_timbang:anak:2024-06-12',
      state: 'done',
      doneBy: home.id,
      doneOn: '2024-06-20',
    })
  })

  it('places the window after an open day on the 8th and on the 14th', () => {
    expect(tasksOf('balita_timbang', '2024-10-09', { members: [child] })[0]).toMatchObject({
      dueFrom: '2024-10-09',
      dueTo: '2024-10-31',
      state: 'due',
    })
    expect(
      tasksOf('balita_timbang', '2024-10-08', { members: [child], visits: [weigh('2024-10-08')] }),
    ).toEqual([])
    expect(tasksOf('balita_timbang', '2025-01-14', { members: [child] })[0]).toMatchObject({
      dueFrom: '2025-01-15',
      dueTo: '2025-01-31',
      state: 'upcoming',
    })
    expect(tasksOf('balita_timbang', '2025-01-15', { members: [child] })[0]?.state).toBe('due')
  })

  it('ignores a weighing a correction superseded, and counts the correction', () => {
    const original = weigh('2024-06-11')
    const correction = makeVisit(
      child,
      '2024-06-11',
      { balita: { lengthCm: 88 } },
      { supersedes: original.id },
    )
    expect(
      tasksOf('balita_timbang', '2024-06-12', { members: [child], visits: [original, correction] }),
    ).toHaveLength(1)
    const fixed = makeVisit(child, '2024-06-11', { balita: { weightKg: 11.4 } }, { supersedes: original.id })
    expect(tasksOf('balita_timbang', '2024-06-12', { members: [child], visits: [original, fixed] })).toEqual(
      [],
    )
    // A stored row marked by data/visits.ts (supersededBy) is ignored too.
    const marked = { ...weigh('2024-06-11'), supersededBy: 'later' }
    expect(tasksOf('balita_timbang', '2024-06-12', { members: [child], visits: [marked] })).toHaveLength(1)
  })

  it('counts only balita 0–59 months born by the open day, and no deleted member', () => {
    const prasekolah = makeMember({ id: 'apras', birthDate: '2019-06-01' }) // 60 months on 2024-06-11
    const bornAfter = makeMember({ id: 'baru', birthDate: '2024-06-12' })
    const deleted = makeMember({ id: 'hapus', birthDate: '2023-01-01', deleted: true })
    const adult = makeMember({ id: 'ibu' })
    const lastBalitaMonth = makeMember({ id: 'b59', birthDate: '2019-06-12' }) // 59 months on 2024-06-11
    const members = [prasekolah, bornAfter, deleted, adult, lastBalitaMonth]
    expect(tasksOf('balita_timbang', '2024-06-12', { members }).map((t) => t.memberId)).toEqual(['b59'])
  })

  it('gives no task when the open day is the month’s last day', () => {
    const lastFriday = { openDay: { week: 'last', weekday: 5 } } as const // 2024-05-31
    expect(tasksOf('balita_timbang', '2024-05-31', { members: [child], calendar: lastFriday })).toEqual([])
  })
})

describe('ibu hamil not seen this month', () => {
  const bumil = makeMember({ id: 'bumil', hpht: '2024-03-01' })

  it('is due after the open day when she was not seen with the ibu hamil part', () => {
    const [task] = tasksOf('bumil_kontak', '2024-06-12', { members: [bumil] })
    expect(task).toMatchObject({ state: 'due', dueFrom: '2024-06-12', dueTo: '2024-06-30', priority: 2 })
  })

  it('is not given when she was seen on the open day, and done by a home visit', () => {
    const onOpenDay = makeVisit(bumil, '2024-06-11', { ibu_hamil: { lilaCm: 25 } })
    expect(tasksOf('bumil_kontak', '2024-06-12', { members: [bumil], visits: [onOpenDay] })).toEqual([])
    const home = makeVisit(bumil, '2024-06-15', { ibu_hamil: {} })
    expect(tasksOf('bumil_kontak', '2024-06-15', { members: [bumil], visits: [home] })[0]).toMatchObject({
      state: 'done',
      doneBy: home.id,
    })
  })

  it('stops once she has delivered, and is not given to a woman not pregnant', () => {
    const delivered = { ...bumil, deliveryDate: '2024-06-13' }
    expect(tasksOf('bumil_kontak', '2024-06-14', { members: [delivered] })).toEqual([])
    expect(tasksOf('bumil_kontak', '2024-06-12', { members: [makeMember({ id: 'wus' })] })).toEqual([])
  })
})

describe('expected at the open day and did not come', () => {
  const lansia = makeMember({ id: 'mbah', birthDate: '1950-02-02' })
  const apras = makeMember({ id: 'apras', birthDate: '2019-01-20', sex: 'L' }) // 64 months on 2024-06-11
  const atPosyandu = (who: typeof lansia, date: string) =>
    makeVisit(who, date, { lansia: { systolicMmHg: 150, diastolicMmHg: 90 } }, { place: 'posyandu' })

  it('gives a regular lansia who missed the open day a home visit until the month ends; a visit does it', () => {
    const visits = [atPosyandu(lansia, '2024-05-14')]
    const [task] = tasksOf('posyandu_absen', '2024-06-12', { members: [lansia], visits })
    expect(task).toMatchObject({ dueFrom: '2024-06-12', dueTo: '2024-06-30', state: 'due', priority: 2 })
    const home = makeVisit(lansia, '2024-06-14', { lansia: { weightKg: 50 } }, { place: 'rumah' })
    expect(
      tasksOf('posyandu_absen', '2024-06-15', { members: [lansia], visits: [...visits, home] }),
    ).toMatchObject([{ state: 'done', doneBy: home.id }])
  })

  it('gives none to a lansia who came, nor to one who has not come in 3 months', () => {
    const came = [atPosyandu(lansia, '2024-05-14'), atPosyandu(lansia, '2024-06-11')]
    expect(tasksOf('posyandu_absen', '2024-06-12', { members: [lansia], visits: came })).toEqual([])
    const long = [atPosyandu(lansia, '2024-02-13')]
    expect(tasksOf('posyandu_absen', '2024-06-12', { members: [lansia], visits: long })).toEqual([])
  })

  it('covers the anak prasekolah, whom the balita rule leaves out, and not the balita', () => {
    expect(tasksOf(['posyandu_absen', 'balita_timbang'], '2024-06-12', { members: [apras] })).toMatchObject([
      { rule: 'posyandu_absen', state: 'due' },
    ])
    expect(tasksOf('posyandu_absen', '2024-06-12', { members: [child] })).toEqual([])
  })
})
