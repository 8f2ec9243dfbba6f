import { describe, expect, it } from 'vitest'
import { interpretNifas, kfSchedule, NIFAS_DANGER_SIGNS } from '../../../src/domain/screening'
import { codes, levelOf, makeContext } from './builders'

const delivery = { date: '2024-06-01', time: '10:00' }
const statesOn = (today: string, time?: string) =>
  Object.fromEntries(kfSchedule(delivery, [], { today, time }).map((w) => [w.contact, w.state]))

describe('kfSchedule (Permenkes 21/2021 windows)', () => {
  it('gives each window from the delivery', () => {
    expect(
      kfSchedule(delivery, [], { today: '2024-06-01' }).map((w) => [w.contact, w.opens, w.closes]),
    ).toEqual([
      ['KF1', '2024-06-01T16:00', '2024-06-03T23:59'],
      ['KF2', '2024-06-04T00:00', '2024-06-08T23:59'],
      ['KF3', '2024-06-09T00:00', '2024-06-29T23:59'],
      ['KF4', '2024-06-30T00:00', '2024-07-13T23:59'],
    ])
  })

  it('KF1 opens 6 hours after delivery', () => {
    expect(statesOn('2024-06-01', '15:59').KF1).toBe('upcoming')
    expect(statesOn('2024-06-01', '16:00').KF1).toBe('due')
  })

  it.each([
    // day after delivery (delivery day = 0), KF1, KF2, KF3, KF4
    ['2024-06-03', 'day 2', 'due', 'upcoming', 'upcoming', 'upcoming'],
    ['2024-06-04', 'day 3', 'missed', 'due', 'upcoming', 'upcoming'],
    ['2024-06-08', 'day 7', 'missed', 'due', 'upcoming', 'upcoming'],
    ['2024-06-09', 'day 8', 'missed', 'missed', 'due', 'upcoming'],
    ['2024-06-29', 'day 28', 'missed', 'missed', 'due', 'upcoming'],
    ['2024-06-30', 'day 29', 'missed', 'missed', 'missed', 'due'],
    ['2024-07-13', 'day 42', 'missed', 'missed', 'missed', 'due'],
    ['2024-07-14', 'day 43', 'missed', 'missed', 'missed', 'missed'],
  ])('%s (%s): KF1 %s, KF2 %s, KF3 %s, KF4 %s', (today, _day, kf1, kf2, kf3, kf4) => {
    expect(statesOn(today)).toEqual({ KF1: kf1, KF2: kf2, KF3: kf3, KF4: kf4 })
  })

  it('marks recorded visits done, and says whether they fell in the window', () => {
    const windows = kfSchedule(
      delivery,
      [
        { contact: 'KF1', date: '2024-06-02' },
        { contact: 'KF2', date: '2024-06-10' },
      ],
      { today: '2024-06-12' },
    )
    expect(windows.map((w) => [w.contact, w.state, w.inWindow])).toEqual([
      ['KF1', 'done', true],
      ['KF2', 'done', false],
      ['KF3', 'due', undefined],
      ['KF4', 'upcoming', undefined],
    ])
  })

  it('without a delivery time, KF1 is open on the delivery day', () => {
    const [kf1] = kfSchedule({ date: '2024-06-01' }, [], { today: '2024-06-01' })
    expect(kf1).toMatchObject({ opens: '2024-06-01T00:00', state: 'due' })
  })
})

describe('interpretNifas', () => {
  const ctx = makeContext({ deliveryDate: '2024-06-01', today: '2024-06-09' })

  it('reports missed and due contacts as perhatian', () => {
    const found = interpretNifas({ kfVisits: [{ contact: 'KF1', date: '2024-06-02' }] }, ctx)
    expect(found.filter((f) => f.code.startsWith('kf.')).map((f) => [f.code, f.level])).toEqual([
      ['kf.kf1.done', 'normal'],
      ['kf.kf2.missed', 'perhatian'],
      ['kf.kf3.due', 'perhatian'],
      ['kf.kf4.upcoming', 'normal'],
    ])
  })

  it.each(NIFAS_DANGER_SIGNS)('danger sign %s → rujuk', (sign) => {
    expect(levelOf(interpretNifas({ dangerSigns: [sign] }, ctx), `nifas.tanda_bahaya.${sign}`)).toBe('rujuk')
  })

  describe('vitamin A nifas (2 capsules)', () => {
    const vitA = (vitaminADates: string[], today = '2024-06-09') =>
      codes(interpretNifas({ vitaminADates }, { ...ctx, today })).filter((c) =>
        c.startsWith('nifas.vitamin_a'),
      )

    it('none given → perhatian', () => {
      expect(vitA([])).toEqual(['nifas.vitamin_a.belum'])
    })
    it('one capsule: the second is awaited on the same day and due from the next day', () => {
      expect(vitA(['2024-06-01'], '2024-06-01')).toEqual(['nifas.vitamin_a.kapsul_pertama'])
      expect(vitA(['2024-06-01'], '2024-06-02')).toEqual(['nifas.vitamin_a.kapsul_kedua'])
    })
    it('two capsules on different days within 42 days → complete', () => {
      expect(vitA(['2024-06-01', '2024-06-02'])).toEqual(['nifas.vitamin_a.lengkap'])
    })
    it('two on the same day are not 24 h apart; a capsule after day 42 does not count', () => {
      expect(vitA(['2024-06-01', '2024-06-01'])).toEqual(['nifas.vitamin_a.kapsul_kedua'])
      expect(vitA(['2024-06-01', '2024-07-14'], '2024-07-14')).toEqual(['nifas.vitamin_a.kapsul_kedua'])
    })
  })
})
