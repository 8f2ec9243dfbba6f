import { describe, expect, it } from 'vitest'
import {
  confirmedImplausible,
  householdsWithoutGps,
  niksInSeveralAreas,
  overdueReferrals,
  pwsMonthAndIndicators,
  supervisionMonth,
} from '../../../src/domain/pws'
import { makeFollowUp, makeHousehold, makeInput, makeMember, makeVisit } from './builders'

// Counted by hand: three adults of one household, visited on 1 March 2024.
//   d1 150/95 → hipertensi, referred (biasa: follow up within 7 days, due 8 March), never followed up;
//   d2 150/95 → referred, followed up on 5 March ("sampai") → closed;
//   d3 120/80 → nothing; d3's 230/80 on 20 March is outside the plausible range (systolic ≥ 220,
//   plausibility.ts) and, stored, was confirmed.
const input = makeInput({
  month: '2024-03',
  households: [makeHousehold('h1'), makeHousehold('h-gone', { deleted: true })],
  members: [
    makeMember('d1', 'h1', 'P', '1980-05-01'),
    makeMember('d2', 'h1', 'L', '1979-01-01'),
    makeMember('d3', 'h1', 'L', '1985-07-01'),
  ],
  visits: [
    makeVisit('v1', 'd1', '2024-03-01', { dewasa: { systolicMmHg: 150, diastolicMmHg: 95 } }),
    makeVisit('v2', 'd2', '2024-03-01', { dewasa: { systolicMmHg: 150, diastolicMmHg: 95 } }),
    makeVisit('v3', 'd3', '2024-03-01', { dewasa: { systolicMmHg: 120, diastolicMmHg: 80 } }),
    makeVisit('v4', 'd3', '2024-03-20', { dewasa: { systolicMmHg: 230, diastolicMmHg: 80 } }),
    // February: outside the month, never listed as this month's implausible value.
    makeVisit('v0', 'd2', '2024-02-10', { dewasa: { systolicMmHg: 230, diastolicMmHg: 80 } }),
  ],
  followUps: [makeFollowUp('v2', 'td.hipertensi', '2024-03-05', 'sampai')],
})

describe('overdue referrals', () => {
  it('lists a referral once its follow-up window has ended, not on its last day', () => {
    const onDue = overdueReferrals(input, '2024-03-08').filter((r) => r.openedOn === '2024-03-01')
    expect(onDue).toEqual([])
    const after = overdueReferrals(input, '2024-03-09').filter((r) => r.openedOn === '2024-03-01')
    expect(after).toEqual([
      {
        memberId: 'd1',
        problem: 'tekanan_darah',
        openedOn: '2024-03-01',
        dueTo: '2024-03-08',
        urgency: 'biasa',
      },
    ])
  })

  it('reads visits of earlier months: a referral of February is still overdue in April', () => {
    const overdue = overdueReferrals(input, '2024-04-02')
    expect(overdue.map((r) => r.memberId).sort()).toEqual(['d1', 'd3'])
    // d3's 230/80 of 20 March is a hypertensive crisis: referred segera, due the next day.
    expect(overdue.find((r) => r.memberId === 'd3')).toMatchObject({ urgency: 'segera', dueTo: '2024-03-21' })
  })
})

describe('data quality', () => {
  it("lists the month's visits with a value outside the plausible range", () => {
    expect(confirmedImplausible(input)).toEqual([
      {
        memberId: 'd3',
        visitId: 'v4',
        date: '2024-03-20',
        fields: ['dewasa.systolicMmHg'],
      },
    ])
  })

  it('lists live households without a GPS point', () => {
    const gps = { lat: -7.3, lng: 108.8, accuracyM: 12 }
    expect(
      householdsWithoutGps([
        makeHousehold('b'),
        { ...makeHousehold('a'), location: gps },
        makeHousehold('c'),
        makeHousehold('d', { deleted: true }),
      ]),
    ).toEqual(['b', 'c'])
  })

  it('finds a NIK registered in live households of two areas, not twice in one', () => {
    const NIK = '3301234509870001'
    const OTHER = '3301234509870002'
    const found = niksInSeveralAreas([
      {
        areaId: 'rw1',
        households: [{ id: 'h1' }],
        members: [
          { id: 'm1', householdId: 'h1', nik: NIK },
          { id: 'm2', householdId: 'h1', nik: OTHER },
          { id: 'm3', householdId: 'h1', nik: OTHER },
        ],
      },
      {
        areaId: 'rw2',
        households: [{ id: 'h2' }, { id: 'h3', deleted: true }],
        members: [
          { id: 'm4', householdId: 'h2', nik: NIK },
          // In a deleted household, or deleted: not registered any more.
          { id: 'm5', householdId: 'h3', nik: OTHER },
          { id: 'm6', householdId: 'h2', nik: OTHER, deleted: true },
        ],
      },
      { areaId: 'rw3', households: [{ id: 'h4' }], members: [{ id: 'm7', householdId: 'h4', nik: NIK }] },
    ])
    expect(found).toEqual([
      { areaId: 'rw1', memberId: 'm1', otherAreaIds: ['rw2', 'rw3'] },
      { areaId: 'rw2', memberId: 'm4', otherAreaIds: ['rw1', 'rw3'] },
      { areaId: 'rw3', memberId: 'm7', otherAreaIds: ['rw1', 'rw2'] },
    ])
  })
})

describe('one reading for the supervisor', () => {
  it('gives the same figures and lists as the separate functions, overdue only in the current month', () => {
    const current = supervisionMonth(input, {}, '2024-03-09')
    expect({ report: current.report, indicators: current.indicators }).toEqual(pwsMonthAndIndicators(input))
    expect(current.implausible).toEqual(confirmedImplausible(input))
    expect(current.overdue).toEqual(overdueReferrals(input, '2024-03-09'))
    expect(current.overdue?.map((o) => o.memberId)).toEqual(['d1'])
    expect(supervisionMonth(input, {}, '2024-04-02').overdue).toBeUndefined()
  })
})
