import { describe, expect, it } from 'vitest'
import type { Antigen } from '../../../src/domain/immunization'
import { COVERED_DOSES, doseIndicatorId } from '../../../src/domain/pws/immunization-coverage'
import { pwsIndicators } from '../../../src/domain/pws/indicators'
import { makeHousehold, makeInput, makeMember, makeVisit } from './builders'

// Immunisation coverage per dose and IDL, COUNTED BY HAND. March 2024: bayi sasaran = born 01-04-2023 – 31-03-2024,
// baduta sasaran = born 01-04-2022 – 31-03-2023.
//
// i1 born 15-04-2023 (bayi): HB0, BCG, OPV 1 on 15-04-2023; DPT-HB-Hib 1, OPV 2, PCV 1, RV 1 on 15-06; DPT-HB-Hib 2,
//    OPV 3, PCV 2, RV 2 on 15-07; DPT-HB-Hib 3, OPV 4, IPV 1, RV 3 on 15-08; MR 1 and IPV 2 on 16-01-2024 — every dose
//    before 12 months: IDL on 16-01-2024 → January. This year: MR 1, IPV 2 (January).
// i2 born 01-10-2023 (bayi): HB0 01-10-2023; DPT-HB-Hib 1, OPV 2 on 01-12-2023; DPT-HB-Hib 2 on 02-03-2024 → March.
//    No IDL (most doses missing).
// i3 born 20-01-2024 (bayi): HB0 20-01-2024 → January.
// b1 born 10-09-2022 (baduta): DPT-HB-Hib 4 and MR 2 on 10-03-2024 → March.
// b2 born 20-03-2023 (baduta): PCV 3 on 20-03-2024 → March.
// c1 born 01-01-2021 (3 years): MR 2 on 05-02-2024 as catch-up — not a baduta sasaran, not counted.
// A superseded visit recording BCG for i3 counts for nothing.
//
// March 2024 (cumulative this year): HB0 1/3 (i3) · DPT-HB-Hib 2 1/3 (i2) · MR 1 1/3 (i1) · IPV 2 1/3 (i1) ·
//   PCV 3 1/2 (b2) · DPT-HB-Hib 4 1/2 (b1) · MR 2 1/2 (b1) · IDL 1/3 (i1) · every other dose 0.
type Dose = [Antigen, number]
const doses = (...list: Dose[]) => list.map(([antigen, dose]) => ({ antigen, dose }))
const give = (id: string, memberId: string, date: string, list: Dose[], extra = {}) =>
  makeVisit(id, memberId, date, { balita: { immunizations: doses(...list) } }, extra)

const input = makeInput({
  households: [makeHousehold('h1')],
  members: [
    makeMember('i1', 'h1', 'P', '2023-04-15'),
    makeMember('i2', 'h1', 'L', '2023-10-01'),
    makeMember('i3', 'h1', 'P', '2024-01-20'),
    makeMember('b1', 'h1', 'L', '2022-09-10'),
    makeMember('b2', 'h1', 'P', '2023-03-20'),
    makeMember('c1', 'h1', 'L', '2021-01-01'),
  ],
  visits: [
    give('v1', 'i1', '2023-04-15', [
      ['HB0', 1],
      ['BCG', 1],
      ['OPV', 1],
    ]),
    give('v2', 'i1', '2023-06-15', [
      ['DPT-HB-Hib', 1],
      ['OPV', 2],
      ['PCV', 1],
      ['RV', 1],
    ]),
    give('v3', 'i1', '2023-07-15', [
      ['DPT-HB-Hib', 2],
      ['OPV', 3],
      ['PCV', 2],
      ['RV', 2],
    ]),
    give('v4', 'i1', '2023-08-15', [
      ['DPT-HB-Hib', 3],
      ['OPV', 4],
      ['IPV', 1],
      ['RV', 3],
    ]),
    give('v5', 'i1', '2024-01-16', [
      ['MR', 1],
      ['IPV', 2],
    ]),
    give('v6', 'i2', '2023-10-01', [['HB0', 1]]),
    give('v7', 'i2', '2023-12-01', [
      ['DPT-HB-Hib', 1],
      ['OPV', 2],
    ]),
    give('v8', 'i2', '2024-03-02', [['DPT-HB-Hib', 2]]),
    give('v9', 'i3', '2024-01-20', [['HB0', 1]]),
    give('v9x', 'i3', '2024-01-21', [['BCG', 1]]),
    give('v9y', 'i3', '2024-01-21', [], { supersedes: 'v9x' }),
    give('v10', 'b1', '2024-03-10', [
      ['DPT-HB-Hib', 4],
      ['MR', 2],
    ]),
    give('v11', 'b2', '2024-03-20', [['PCV', 3]]),
    give('v12', 'c1', '2024-02-05', [['MR', 2]]),
  ],
  month: '2024-03',
})

const { series } = pwsIndicators(input)
const cumulative = (id: string) => series[id]?.months.at(-1)?.cumulative
const people = (id: string) => series[id]?.months.flatMap((m) => m.memberIds)

describe('immunisation coverage, the hand-counted March 2024 area', () => {
  it('has a figure for every programme dose but the endemic-only JE, and IDL', () => {
    expect(COVERED_DOSES.map((d) => `${d.antigen} ${d.dose}`)).not.toContain('JE 1')
    expect(COVERED_DOSES).toHaveLength(20)
    for (const d of COVERED_DOSES) expect(series[doseIndicatorId(d)]).toBeDefined()
    expect(series['imunisasi.idl']).toBeDefined()
  })

  it('bayi doses count against the babies of the last 12 months, later doses against the baduta', () => {
    expect(series['imunisasi.HB0.1']?.registered.memberIds).toEqual(['i1', 'i2', 'i3'])
    expect(series['imunisasi.MR.1']?.registered.memberIds).toEqual(['i1', 'i2', 'i3'])
    expect(series['imunisasi.PCV.3']?.registered.memberIds).toEqual(['b1', 'b2'])
    expect(series['imunisasi.MR.2']?.registered.memberIds).toEqual(['b1', 'b2'])
  })

  it('each dose in the month its visit recorded it, this year only', () => {
    const reached = Object.fromEntries(
      COVERED_DOSES.map((d) => doseIndicatorId(d)).map((id) => [id, cumulative(id)]),
    )
    expect(reached).toEqual({
      'imunisasi.HB0.1': 1,
      'imunisasi.BCG.1': 0,
      'imunisasi.OPV.1': 0,
      'imunisasi.DPT-HB-Hib.1': 0,
      'imunisasi.OPV.2': 0,
      'imunisasi.PCV.1': 0,
      'imunisasi.RV.1': 0,
      'imunisasi.DPT-HB-Hib.2': 1,
      'imunisasi.OPV.3': 0,
      'imunisasi.PCV.2': 0,
      'imunisasi.RV.2': 0,
      'imunisasi.DPT-HB-Hib.3': 0,
      'imunisasi.OPV.4': 0,
      'imunisasi.IPV.1': 0,
      'imunisasi.RV.3': 0,
      'imunisasi.MR.1': 1,
      'imunisasi.IPV.2': 1,
      'imunisasi.PCV.3': 1,
      'imunisasi.DPT-HB-Hib.4': 1,
      'imunisasi.MR.2': 1,
    })
    expect(people('imunisasi.HB0.1')).toEqual(['i3'])
    expect(series['imunisasi.DPT-HB-Hib.2']?.months.map((m) => m.memberIds.length)).toEqual([0, 0, 1])
    expect(people('imunisasi.MR.2')).toEqual(['b1'])
  })

  it('IDL when every dose before 12 months is recorded, on the last one’s day', () => {
    expect(series['imunisasi.idl']?.months.map((m) => m.memberIds)).toEqual([['i1'], [], []])
  })

  it('IDL is not counted while one dose is missing', () => {
    const withoutMr = {
      ...input,
      visits: input.visits.map((v) =>
        v.id === 'v5' ? { ...v, parts: { balita: { immunizations: doses(['IPV', 2]) } } } : v,
      ),
    }
    expect(pwsIndicators(withoutMr).series['imunisasi.idl']?.months.at(-1)?.cumulative).toBe(0)
  })
})
