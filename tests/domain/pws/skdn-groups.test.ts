import { describe, expect, it } from 'vitest'
import { pwsIndicators } from '../../../src/domain/pws/indicators'
import { MARCH } from './fixture'

// The March 2024 area of fixture.ts (its SKDN counted by hand there), split by sex and age in completed months on
// 31-03-2024 — counted by hand:
//   L 0–5:   b13 (0 mo)                              S1 K0 D1 N0 T0 O0 B1 BGM0
//   L 6–11:  —
//   L 12–23: b01 (12) b03 (21) b05 (16) b11 (18)     S4 K4 D4 N2 (b01 b11) T1 (b03) O0 B1 (b05) BGM0
//   L 24–59: b07 (25) b09 (24)                       S2 K2 D2 N1 (b09) T1 (b07) O0 B0 BGM1 (b09)
//   P 0–5:   —
//   P 6–11:  b06 (6) b12 (9)                         S2 K2 D2 N1 (b06) T1 (b12) O0 B0 BGM0
//   P 12–23: b02 (14)                                S1 K1 D1 N0 T1 O0 B0 BGM0
//   P 24–59: b04 (31) b08 (34) b10 (36) b14 (44)    S4 K1 (b10) D2 (b04 b10) N1 (b10) T0 O1 (b04) B0 BGM0
//   S = 1 + 4 + 2 + 2 + 1 + 4 = 14.
// Prevalence among the weighed (each child's latest weighing of March): underweight 2/12 (b09, b11; BB/U read for all
// 12 weighed), stunting 1/2 (b10; length measured for b10 and b11), wasting 1/2 (b11).
const { skdnGroups, nutrition } = pwsIndicators(MARCH)
const row = (sex: 'L' | 'P', age: string) => {
  const found = skdnGroups.find((g) => g.sex === sex && g.age === age)
  if (!found) throw new Error(`no row ${sex} ${age}`)
  return Object.fromEntries(Object.entries(found.counts).map(([k, c]) => [k, c.memberIds]))
}

describe('SKDN by sex and age group', () => {
  it('has the eight rows, L then P, youngest first', () => {
    expect(skdnGroups.map((g) => `${g.sex} ${g.age}`)).toEqual([
      'L 0-5',
      'L 6-11',
      'L 12-23',
      'L 24-59',
      'P 0-5',
      'P 6-11',
      'P 12-23',
      'P 24-59',
    ])
  })

  it('splits S, K, D, N, T, O, B and BGM as counted', () => {
    expect(row('L', '0-5')).toEqual({
      S: ['b13'],
      K: [],
      D: ['b13'],
      N: [],
      T: [],
      O: [],
      B: ['b13'],
      BGM: [],
    })
    expect(row('L', '6-11').S).toEqual([])
    expect(row('L', '12-23')).toEqual({
      S: ['b01', 'b03', 'b05', 'b11'],
      K: ['b01', 'b03', 'b05', 'b11'],
      D: ['b01', 'b03', 'b05', 'b11'],
      N: ['b01', 'b11'],
      T: ['b03'],
      O: [],
      B: ['b05'],
      BGM: [],
    })
    expect(row('L', '24-59')).toEqual({
      S: ['b07', 'b09'],
      K: ['b07', 'b09'],
      D: ['b07', 'b09'],
      N: ['b09'],
      T: ['b07'],
      O: [],
      B: [],
      BGM: ['b09'],
    })
    expect(row('P', '0-5').S).toEqual([])
    expect(row('P', '6-11')).toMatchObject({ S: ['b06', 'b12'], N: ['b06'], T: ['b12'] })
    expect(row('P', '12-23')).toMatchObject({ S: ['b02'], K: ['b02'], D: ['b02'], T: ['b02'] })
    expect(row('P', '24-59')).toEqual({
      S: ['b04', 'b08', 'b10', 'b14'],
      K: ['b10'],
      D: ['b04', 'b10'],
      N: ['b10'],
      T: [],
      O: ['b04'],
      B: [],
      BGM: [],
    })
  })

  it('adds up to the month’s SKDN, with D/S and N/D per row', () => {
    expect(skdnGroups.reduce((n, g) => n + g.counts.S.value, 0)).toBe(14)
    expect(skdnGroups.reduce((n, g) => n + g.counts.D.value, 0)).toBe(12)
    const p2459 = skdnGroups.find((g) => g.sex === 'P' && g.age === '24-59')
    expect(p2459?.DS.value).toBe(0.5)
    expect(p2459?.ND.value).toBe(0.5)
  })
})

describe('nutrition prevalence among the weighed', () => {
  it('underweight over every weighed child, stunting and wasting over those with a length', () => {
    expect([nutrition.underweight.numerator.memberIds, nutrition.underweight.denominator.value]).toEqual([
      ['b09', 'b11'],
      12,
    ])
    expect([nutrition.stunting.numerator.memberIds, nutrition.stunting.denominator.memberIds]).toEqual([
      ['b10'],
      ['b10', 'b11'],
    ])
    expect([nutrition.wasting.numerator.memberIds, nutrition.wasting.denominator.memberIds]).toEqual([
      ['b11'],
      ['b10', 'b11'],
    ])
  })
})
