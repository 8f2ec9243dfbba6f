import { describe, expect, it } from 'vitest'
import { makeMember, makeVisit, states, tasksOf } from './builders'

const KN = ['kn1', 'kn2', 'kn3'] as const
const KF = ['kf1', 'kf2', 'kf3', 'kf4'] as const

// Born 2024-06-01 = day 0.
const baby = makeMember({ id: 'bayi', birthDate: '2024-06-01', sex: 'L' })
const day = (n: number) => new Date(Date.UTC(2024, 5, 1 + n)).toISOString().slice(0, 10)

describe('KN1–KN3 for a newborn', () => {
  it.each([
    // Upcoming: the window opens within a week; expired: listed for a week after the window.
    [2, { kn1: 'due', kn2: 'upcoming', kn3: 'upcoming' }],
    [3, { kn1: 'expired', kn2: 'due', kn3: 'upcoming' }],
    [7, { kn1: 'expired', kn2: 'due', kn3: 'upcoming' }],
    [8, { kn1: 'expired', kn2: 'expired', kn3: 'due' }],
    [28, { kn3: 'due' }],
    [29, { kn3: 'expired' }],
  ])('on day %i', (n, expected) => {
    expect(states(tasksOf(KN, day(n), { members: [baby] }))).toEqual(expected)
  })

  it('places the windows by Permenkes 21/2021 and puts KN1 first', () => {
    const list = tasksOf(KN, day(2), { members: [baby] })
    expect(list.map((t) => [t.rule, t.dueFrom, t.dueTo, t.priority])).toEqual([
      ['kn1', '2024-06-01', '2024-06-03', 1],
      ['kn2', '2024-06-04', '2024-06-08', 2],
      ['kn3', '2024-06-09', '2024-06-29', 2],
    ])
    expect(list[0]?.reason.id).toMatch(/^KN1 \(6 jam – 48 jam\)/)
  })

  it('drops an expired KN from the list a week after its window', () => {
    expect(states(tasksOf(KN, day(9), { members: [baby] }))).toEqual({
      kn1: 'expired',
      kn2: 'expired',
      kn3: 'due',
    })
    expect(states(tasksOf(KN, day(10), { members: [baby] }))).toEqual({ kn2: 'expired', kn3: 'due' })
    expect(states(tasksOf(KN, day(14), { members: [baby] }))).toEqual({ kn2: 'expired', kn3: 'due' })
    expect(states(tasksOf(KN, day(15), { members: [baby] }))).toEqual({ kn3: 'due' })
    expect(states(tasksOf(KN, day(35), { members: [baby] }))).toEqual({ kn3: 'expired' })
    expect(tasksOf(KN, day(36), { members: [baby] })).toEqual([])
  })

  it('resolves KN2 when a visit records it, with the contact date', () => {
    const visit = makeVisit(baby, day(6), { neonatus: { knVisits: [{ contact: 'KN2', date: day(5) }] } })
    const kn2 = tasksOf('kn2', day(6), { members: [baby], visits: [visit] })[0]
    expect(kn2).toMatchObject({ id: 'kn2:bayi:2024-06-04', state: 'done', doneBy: visit.id, doneOn: day(5) })
  })

  it('uses the birth time to place KN1 when it was recorded', () => {
    // Born 2024-06-01 22:00: KN1 runs to 2024-06-03 22:00, still day 2.
    const visit = makeVisit(baby, day(0), { neonatus: { birthTime: '22:00' } })
    expect(tasksOf('kn1', day(0), { members: [baby], visits: [visit] })[0]?.dueFrom).toBe('2024-06-02') // from 04:00 on day 1
  })

  it('ignores a KN recorded on a superseded visit', () => {
    const wrong = makeVisit(baby, day(4), { neonatus: { knVisits: [{ contact: 'KN2', date: day(4) }] } })
    const fixed = makeVisit(baby, day(4), { neonatus: {} }, { supersedes: wrong.id })
    expect(tasksOf('kn2', day(5), { members: [baby], visits: [wrong, fixed] })[0]?.state).toBe('due')
  })
})

describe('KF1–KF4 for the mother', () => {
  const mother = makeMember({ id: 'ibu', hpht: '2023-08-25', deliveryDate: '2024-06-01' })

  it.each([
    [2, { kf1: 'due', kf2: 'upcoming', kf3: 'upcoming' }],
    [3, { kf1: 'expired', kf2: 'due', kf3: 'upcoming' }],
    [28, { kf3: 'due', kf4: 'upcoming' }],
    [29, { kf3: 'expired', kf4: 'due' }],
    [42, { kf4: 'due' }],
    [43, { kf4: 'expired' }],
  ])('on day %i', (n, expected) => {
    expect(states(tasksOf(KF, day(n), { members: [mother] }))).toEqual(expected)
  })

  it('gives KF1 priority 1 and resolves by the nifas part', () => {
    const visit = makeVisit(mother, day(1), { nifas: { kfVisits: [{ contact: 'KF1', date: day(1) }] } })
    const [kf1] = tasksOf('kf1', day(1), { members: [mother], visits: [visit] })
    expect(kf1).toMatchObject({ priority: 1, state: 'done', doneBy: visit.id })
  })

  it('gives no KF to a woman without a delivery date, nor to a man', () => {
    expect(
      tasksOf(KF, day(2), {
        members: [makeMember({ id: 'wus' }), makeMember({ id: 'l', sex: 'L', deliveryDate: day(0) })],
      }),
    ).toEqual([])
  })
})
