import { describe, expect, it } from 'vitest'
import { interpretNeonatus, knSchedule, NEONATUS_DANGER_SIGNS } from '../../../src/domain/screening'
import { levelOf, makeContext } from './builders'

const birth = { date: '2024-06-01', time: '10:00' }
const statesOn = (today: string, time?: string, b: { date: string; time?: string } = birth) =>
  Object.fromEntries(knSchedule(b, [], { today, time }).map((w) => [w.contact, w.state]))

describe('knSchedule (Permenkes 21/2021 windows)', () => {
  it('gives each window from the birth', () => {
    expect(knSchedule(birth, [], { today: '2024-06-01' }).map((w) => [w.contact, w.opens, w.closes])).toEqual(
      [
        ['KN1', '2024-06-01T16:00', '2024-06-03T10:00'],
        ['KN2', '2024-06-04T00:00', '2024-06-08T23:59'],
        ['KN3', '2024-06-09T00:00', '2024-06-29T23:59'],
      ],
    )
  })

  it('KN1 runs from 6 to 48 hours', () => {
    expect(statesOn('2024-06-01', '15:59').KN1).toBe('upcoming')
    expect(statesOn('2024-06-01', '16:00').KN1).toBe('due')
    expect(statesOn('2024-06-03', '10:00').KN1).toBe('due')
    expect(statesOn('2024-06-03', '10:01').KN1).toBe('missed')
  })

  it('without a birth time KN1 spans the birth day through day 2', () => {
    const noTime = { date: '2024-06-01' }
    expect(statesOn('2024-06-01', undefined, noTime).KN1).toBe('due')
    expect(statesOn('2024-06-03', undefined, noTime).KN1).toBe('due')
    expect(statesOn('2024-06-04', undefined, noTime).KN1).toBe('missed')
  })

  it.each([
    ['2024-06-03', 'day 2', 'upcoming', 'upcoming'],
    ['2024-06-04', 'day 3', 'due', 'upcoming'],
    ['2024-06-08', 'day 7', 'due', 'upcoming'],
    ['2024-06-09', 'day 8', 'missed', 'due'],
    ['2024-06-29', 'day 28', 'missed', 'due'],
    ['2024-06-30', 'day 29', 'missed', 'missed'],
  ])('%s (%s): KN2 %s, KN3 %s', (today, _day, kn2, kn3) => {
    const states = statesOn(today)
    expect([states.KN2, states.KN3]).toEqual([kn2, kn3])
  })

  it('a KN1 visit at 47 h is done in its window', () => {
    const [kn1] = knSchedule(birth, [{ contact: 'KN1', date: '2024-06-03', time: '09:00' }], {
      today: '2024-06-05',
    })
    expect(kn1).toMatchObject({ state: 'done', doneOn: '2024-06-03', inWindow: true })
  })
})

describe('interpretNeonatus', () => {
  const ctx = makeContext({ birthDate: '2024-06-01', today: '2024-06-05' })

  it('reads the KN windows from the member birth date and the birth time', () => {
    const found = interpretNeonatus({ birthTime: '10:00', knVisits: [] }, ctx)
    expect(found.map((f) => [f.code, f.level])).toEqual([
      ['kn.kn1.missed', 'perhatian'],
      ['kn.kn2.due', 'perhatian'],
      ['kn.kn3.upcoming', 'normal'],
    ])
  })

  it.each(NEONATUS_DANGER_SIGNS)('danger sign %s → rujuk', (sign) => {
    expect(levelOf(interpretNeonatus({ dangerSigns: [sign] }, ctx), `neonatus.tanda_bahaya.${sign}`)).toBe(
      'rujuk',
    )
  })
})
