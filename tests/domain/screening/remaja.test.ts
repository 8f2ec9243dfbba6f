import { describe, expect, it } from 'vitest'
import {
  bfaCategory5to18,
  hbAnaemiaCutoff,
  hfaCategory,
  interpretRemaja,
} from '../../../src/domain/screening'
import { bornYearsAgo, codes, levelOf, makeContext } from './builders'

const at = (years: number, sex: 'L' | 'P' = 'P') => makeContext({ birthDate: bornYearsAgo(years), sex })

describe('IMT/U 5–18 y (Permenkes 2/2020)', () => {
  it.each([
    [-3.01, 'gizi_buruk'],
    [-3, 'gizi_kurang'],
    [-2.01, 'gizi_kurang'],
    [-2, 'gizi_baik'],
    [1, 'gizi_baik'],
    [1.01, 'gizi_lebih'],
    [2, 'gizi_lebih'],
    [2.01, 'obesitas'],
  ])('z %f → %s', (z, category) => {
    expect(bfaCategory5to18(z)).toBe(category)
  })

  it('turns the category into a finding with its level', () => {
    expect(levelOf(interpretRemaja({ bfaZ: -3.5 }, at(12)), 'imtu.gizi_buruk')).toBe('rujuk')
    expect(levelOf(interpretRemaja({ bfaZ: 0 }, at(12)), 'imtu.gizi_baik')).toBe('normal')
  })
})

describe('TB/U (as balita)', () => {
  it.each([
    [-3.01, 'sangat_pendek'],
    [-3, 'pendek'],
    [-2.01, 'pendek'],
    [-2, 'normal'],
    [3, 'normal'],
    [3.01, 'tinggi'],
  ])('z %f → %s', (z, category) => {
    expect(hfaCategory(z)).toBe(category)
  })

  it('stunting is flagged', () => {
    expect(codes(interpretRemaja({ hfaZ: -2.5 }, at(10)))).toEqual(['tbu.pendek'])
  })
})

describe('blood pressure', () => {
  const bp = (years: number, systolicMmHg: number, diastolicMmHg: number) =>
    codes(interpretRemaja({ systolicMmHg, diastolicMmHg }, at(years)))

  it('is not read before 15 y', () => {
    expect(bp(14, 150, 95)).toEqual([])
  })

  it.each([
    [119, 79, 'td.normal'],
    [120, 79, 'td.meningkat'],
    [129, 79, 'td.meningkat'],
    [130, 79, 'td.tinggi_untuk_usia'],
    [129, 80, 'td.tinggi_untuk_usia'],
  ])('15–17 y: %i/%i → %s (referred, never labelled hipertensi)', (sys, dia, code) => {
    expect(bp(15, sys, dia)).toEqual([code])
    expect(bp(17, sys, dia)).toEqual([code])
  })

  it('uses the adult cut-offs at 18', () => {
    expect(bp(18, 139, 89)).toEqual(['td.prahipertensi'])
    expect(bp(18, 140, 90)).toEqual(['td.hipertensi'])
    expect(levelOf(interpretRemaja({ systolicMmHg: 130, diastolicMmHg: 80 }, at(16)), 'td')).toBe('rujuk')
  })
})

describe('anaemia (WHO 2011)', () => {
  it.each([
    [5, 'P', 11.5],
    [11, 'L', 11.5],
    [12, 'L', 12],
    [14, 'P', 12],
    [15, 'P', 12],
    [15, 'L', 13],
    [18, 'L', 13],
  ] as const)('%i y %s: cut-off %f', (years, sex, cutoff) => {
    expect(hbAnaemiaCutoff(years, sex)).toBe(cutoff)
    expect(codes(interpretRemaja({ hbGdl: cutoff - 0.1 }, at(years, sex)))).toEqual(['hb.anemia'])
    expect(codes(interpretRemaja({ hbGdl: cutoff }, at(years, sex)))).toEqual(['hb.normal'])
  })

  it('leaves Hb to the ibu hamil part in pregnancy', () => {
    const pregnant = { ...at(17), hpht: '2024-03-01' }
    expect(codes(interpretRemaja({ hbGdl: 11.5 }, pregnant))).toEqual([])
  })
})

describe('TTD remaja putri (weekly)', () => {
  it('flags a missed weekly tablet and no supply for girls from 12', () => {
    expect(codes(interpretRemaja({ ttdTakenThisWeek: false, ttdAvailable: false }, at(12)))).toEqual([
      'ttd_remaja.tidak_tersedia',
      'ttd_remaja.tidak_diminum',
    ])
    expect(codes(interpretRemaja({ ttdTakenThisWeek: true }, at(16)))).toEqual(['ttd_remaja.diminum'])
  })

  it('does not apply to boys or girls under 12', () => {
    expect(interpretRemaja({ ttdTakenThisWeek: false }, at(15, 'L'))).toEqual([])
    expect(interpretRemaja({ ttdTakenThisWeek: false }, at(11))).toEqual([])
  })
})

describe('smoking and blood glucose', () => {
  it.each([
    ['aktif', 'perhatian'],
    ['pasif', 'perhatian'],
    ['tidak', 'normal'],
  ] as const)('merokok %s → %s', (smoking, level) => {
    expect(levelOf(interpretRemaja({ smoking }, at(16)), 'merokok')).toBe(level)
  })

  it('GDS 199 vs 200', () => {
    expect(codes(interpretRemaja({ gdsMgDl: 199 }, at(16)))).toEqual(['gds.normal'])
    expect(codes(interpretRemaja({ gdsMgDl: 200 }, at(16)))).toEqual(['gds.tinggi'])
  })
})
