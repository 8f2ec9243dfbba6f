import { describe, expect, it } from 'vitest'
import { pwsIndicators } from '../../../src/domain/pws/indicators'
import { makeHousehold, makeInput, makeMember, makeVisit } from './builders'

// PWS-KIA, every figure COUNTED BY HAND. Reported month March 2024: reference date 31-03-2024, the 12-month window of
// registered pregnancies, deliveries and births 01-04-2023 – 31-03-2024. Trimesters by the default
// ancTrimesterStartWeeks [13, 25].
//
// w1 HPHT 01-10-2023 (in the window). Week 13 starts 31-12-2023, week 25 starts 24-03-2024. Contacts, each copied
//    into later visits as the Buku KIA grows (a report reads only visits up to its month's last day):
//    20-11-2023 TM1 doctor · 10-01-2024 TM2 · 15-02-2024 TM2 · 25-03-2024 TM3 doctor · 28-03-2024 TM3
//    K1 Nov 2023 (not this year) · K4 (1-1-2) completed 28-03-2024 → March · K6 (1-2-3) not reached (TM3 has 2)
//    K1 dokter Nov 2023 (not this year) · K5 dokter 25-03-2024 → March
// w2 HPHT 05-01-2024. A contact of 01-06-2023 (before this HPHT: an earlier pregnancy, ignored); 20-02-2024 TM1 →
//    K1 February
// w3 HPHT 15-03-2023 (before the window: not an ANC sasaran), delivered 20-12-2023 (in the window), no time of day:
//    KF1 21-12 (days 0–2) · KF2 25-12 (days 3–7) · KF3 05-01-2024 (days 8–28) · KF4 25-01-2024 (days 29–42)
//    → KF lengkap on 25-01-2024 → January
// w4 HPHT 10-05-2023 (in the window, no contacts), delivered 10-02-2024: KF1 11-02, "KF2" 20-02 is day 10, outside
//    days 3–7; no KF3, KF4 → not KF lengkap
// n1 born 10-02-2024: KN1 11-02 (days 0–2 without a time), KN2 14-02 (3–7), KN3 25-02 (8–28) → KN1 and KN lengkap
//    February
// n2 born 05-03-2024 08:00: KN1 recorded 05-03 10:00 — 2 h after birth, before the 6–48 h window → neither
// n3 born 20-03-2023 (before the window): KN1 recorded in window dates → not a sasaran, never counted
//
// Registered sasaran: ibu hamil w1 w2 w4 = 3 · ibu bersalin/nifas w3 w4 w5 = 3 · bayi baru lahir n1 n2 = 2.
// March 2024, cumulative (people): K1 1 (w2, Feb) · K4 1 (w1, Mar) · K6 0 · K1 dokter 0 · K5 dokter 1 (w1, Mar) ·
//   KF lengkap 1 (w3, Jan) · KN1 1 (n1, Feb) · KN lengkap 1 (n1, Feb) · persalinan di fasyankes 1 (w4 at the
//   puskesmas, Feb; w3 at home).
// w5 no HPHT, deliveryDate 05-01-2024 typed in the member form, no delivery record: a bersalin sasaran, not
//    counted at a fasyankes.
const mother = (id: string, birthDate: string, extra: object) => makeMember(id, 'h1', 'P', birthDate, extra)
const members = [
  mother('w1', '1995-01-01', { hpht: '2023-10-01' }),
  mother('w2', '1996-01-01', { hpht: '2024-01-05' }),
  mother('w3', '1997-01-01', {
    hpht: '2023-03-15',
    deliveryDate: '2023-12-20',
    delivery: { date: '2023-12-20', outcome: 'lahir_hidup', place: 'rumah', attendant: 'non_nakes' },
  }),
  mother('w4', '1998-01-01', {
    hpht: '2023-05-10',
    deliveryDate: '2024-02-10',
    delivery: { date: '2024-02-10', outcome: 'lahir_hidup', place: 'fasyankes', attendant: 'nakes' },
  }),
  mother('w5', '1999-01-01', { deliveryDate: '2024-01-05' }),
  makeMember('n1', 'h1', 'L', '2024-02-10'),
  makeMember('n2', 'h1', 'P', '2024-03-05'),
  makeMember('n3', 'h1', 'P', '2023-03-20'),
]

const anc = (date: string, byDoctor?: boolean) => (byDoctor ? { date, byDoctor } : { date })
const visits = [
  makeVisit('v-w1-0', 'w1', '2023-11-20', { ibu_hamil: { ancContacts: [anc('2023-11-20', true)] } }),
  makeVisit('v-w1-a', 'w1', '2024-01-10', {
    ibu_hamil: { ancContacts: [anc('2023-11-20', true), anc('2024-01-10')] },
  }),
  makeVisit('v-w1-b', 'w1', '2024-03-28', {
    ibu_hamil: {
      ancContacts: [
        anc('2023-11-20', true),
        anc('2024-01-10'),
        anc('2024-02-15'),
        anc('2024-03-25', true),
        anc('2024-03-28'),
      ],
    },
  }),
  makeVisit('v-w2', 'w2', '2024-02-20', {
    ibu_hamil: { ancContacts: [anc('2023-06-01'), anc('2024-02-20')] },
  }),
  makeVisit('v-w3', 'w3', '2024-01-25', {
    nifas: {
      kfVisits: [
        { contact: 'KF1', date: '2023-12-21' },
        { contact: 'KF2', date: '2023-12-25' },
        { contact: 'KF3', date: '2024-01-05' },
        { contact: 'KF4', date: '2024-01-25' },
      ],
    },
  }),
  makeVisit('v-w4', 'w4', '2024-02-20', {
    nifas: {
      kfVisits: [
        { contact: 'KF1', date: '2024-02-11' },
        { contact: 'KF2', date: '2024-02-20' },
      ],
    },
  }),
  makeVisit('v-n1', 'n1', '2024-02-25', {
    neonatus: {
      knVisits: [
        { contact: 'KN1', date: '2024-02-11' },
        { contact: 'KN2', date: '2024-02-14' },
        { contact: 'KN3', date: '2024-02-25' },
      ],
    },
  }),
  makeVisit('v-n2', 'n2', '2024-03-05', {
    neonatus: { birthTime: '08:00', knVisits: [{ contact: 'KN1', date: '2024-03-05', time: '10:00' }] },
  }),
  makeVisit('v-n3', 'n3', '2023-03-21', { neonatus: { knVisits: [{ contact: 'KN1', date: '2023-03-21' }] } }),
]

const input = makeInput({ households: [makeHousehold('h1')], members, visits, month: '2024-03' })
const march = pwsIndicators(input).series

const series = (id: string) => {
  const s = march[id]
  if (!s) throw new Error(`no series ${id}`)
  return s
}
/** [month, people that month] for the months with anyone. */
const reached = (id: string) =>
  series(id)
    .months.filter((m) => m.memberIds.length > 0)
    .map((m) => [m.month, m.memberIds])

describe('PWS-KIA, the hand-counted March 2024 area', () => {
  it('registered sasaran: pregnancies that began, deliveries and births of the last 12 months', () => {
    expect(series('kia.k1').registered.memberIds).toEqual(['w1', 'w2', 'w4'])
    expect(series('kia.kfLengkap').registered.memberIds).toEqual(['w3', 'w4', 'w5'])
    expect(series('kia.kn1').registered.memberIds).toEqual(['n1', 'n2'])
    expect(series('kia.k1').sasaran).toEqual({ value: 3, source: 'terdaftar' })
  })

  it('K1: the first contact of the pregnancy; an earlier pregnancy’s contact and last year’s K1 do not count', () => {
    expect(reached('kia.k1')).toEqual([['2024-02', ['w2']]])
    expect(series('kia.k1').months.at(-1)?.cumulative).toBe(1)
  })

  it('K4 when 1-1-2 is complete, K6 not before 1-2-3', () => {
    expect(reached('kia.k4')).toEqual([['2024-03', ['w1']]])
    expect(reached('kia.k6')).toEqual([])
  })

  it('K1 by a doctor (trimester 1, last year here) and K5 by a doctor (trimester 3)', () => {
    expect(reached('kia.k1Dokter')).toEqual([])
    expect(reached('kia.k5Dokter')).toEqual([['2024-03', ['w1']]])
  })

  it('KF lengkap only with all four contacts inside their windows', () => {
    expect(reached('kia.kfLengkap')).toEqual([['2024-01', ['w3']]])
  })

  it('KN1 inside 6–48 h (a contact 2 h after birth is not), KN lengkap with all three', () => {
    expect(reached('kia.kn1')).toEqual([['2024-02', ['n1']]])
    expect(reached('kia.knLengkap')).toEqual([['2024-02', ['n1']]])
  })

  it('persalinan di fasyankes: a delivery recorded at a fasyankes, in its month; at home or unrecorded, not', () => {
    const fasyankes = series('kia.persalinanFasyankes')
    expect(fasyankes.registered.memberIds).toEqual(['w3', 'w4', 'w5'])
    expect(reached('kia.persalinanFasyankes')).toEqual([['2024-02', ['w4']]])
  })

  it('status against the target to date: K4 1/3 ≥ 3/12 and rising → baik; K6 0/3, none again → jelek', () => {
    expect(series('kia.k4').status).toBe('baik')
    expect(series('kia.k6').status).toBe('jelek')
    // K1: 1/3 ≥ 3/12, but March 0 < February 1 → kurang.
    expect(series('kia.k1').status).toBe('kurang')
  })

  it('across the year boundary: December 2023 counts 2023’s K1, January 2024 starts again', () => {
    // December 2023: window 01-01-2023 – 31-12-2023 — w3's pregnancy (HPHT 15-03-2023) is now a sasaran, with no
    // contact recorded; w1's K1 (20-11-2023, recorded that day) counts in November. w2 (HPHT 2024) is not yet one.
    const dec = pwsIndicators({ ...input, month: '2023-12' }).series['kia.k1']
    expect(dec?.registered.memberIds).toEqual(['w1', 'w3', 'w4'])
    expect(dec?.months.filter((m) => m.memberIds.length > 0).map((m) => [m.month, m.memberIds])).toEqual([
      ['2023-11', ['w1']],
    ])
    expect(dec?.months.at(-1)?.cumulative).toBe(1)
    // January 2024: nothing yet this year; December had none either → below the target, not rising → jelek.
    const jan = pwsIndicators({ ...input, month: '2024-01' }).series['kia.k1']
    expect(jan?.months.map((m) => m.cumulative)).toEqual([0])
    expect(jan?.previousMonthCount).toBe(0)
    expect(jan?.status).toBe('jelek')
    // KF lengkap of w3 (25-01-2024) is January 2024's, not 2023's.
    expect(
      pwsIndicators({ ...input, month: '2023-12' }).series['kia.kfLengkap']?.months.at(-1)?.cumulative,
    ).toBe(0)
    expect(
      pwsIndicators({ ...input, month: '2024-01' }).series['kia.kfLengkap']?.months.at(-1)?.cumulative,
    ).toBe(1)
  })

  it('a sasaran proyeksi entered by the puskesmas replaces the registered count', () => {
    const k4 = pwsIndicators(input, { 'kia.k4': { sasaran: 12, percent: 95 } }).series['kia.k4']
    expect(k4?.sasaran).toEqual({ value: 12, source: 'proyeksi' })
    expect(k4?.months.at(-1)?.cumulativeCoverage).toBeCloseTo(1 / 12)
    expect(k4?.months.at(-1)?.expected).toBeCloseTo((0.95 * 3) / 12)
    // 1/12 < 0.2375, March 1 ≥ February 0 → cukup.
    expect(k4?.status).toBe('cukup')
  })
})
