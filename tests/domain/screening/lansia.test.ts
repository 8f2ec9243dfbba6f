import { describe, expect, it } from 'vitest'
import {
  AKS_ITEMS,
  type AksItem,
  aksCategory,
  aksTotal,
  interpretLansia,
  type SkilasAnswers,
  skilasDomains,
} from '../../../src/domain/screening'
import { bornYearsAgo, codes, levelOf, makeContext } from './builders'

const ctx = makeContext({ birthDate: bornYearsAgo(65), sex: 'L' })

// Every domain negative.
const clear: SkilasAnswers = {
  orientationTimeCorrect: true,
  orientationPlaceCorrect: true,
  wordsRecalled: 3,
  chairStandSeconds: 10,
  weightLoss: false,
  appetiteLoss: false,
  lilaCm: 25,
  eyeProblem: false,
  fingerCountCorrect: true,
  whisperTest: 'dengar',
  feelingDown: false,
  littleInterest: false,
}

describe('SKILAS', () => {
  it('all clear → every domain negatif', () => {
    expect(Object.values(skilasDomains(clear))).toEqual(Array(6).fill('negatif'))
    expect(interpretLansia({ skilas: clear }, ctx).every((f) => f.level === 'normal')).toBe(true)
  })

  it.each([
    ['kognitif', { orientationTimeCorrect: false }],
    ['kognitif', { orientationPlaceCorrect: false }],
    ['kognitif', { wordsRecalled: 2 }],
    ['mobilitas', { chairStandSeconds: 14.1 }],
    ['mobilitas', { chairStandUnable: true }],
    ['malnutrisi', { weightLoss: true }],
    ['malnutrisi', { appetiteLoss: true }],
    ['malnutrisi', { lilaCm: 20.9 }],
    ['penglihatan', { eyeProblem: true }],
    ['penglihatan', { fingerCountCorrect: false }],
    ['pendengaran', { whisperTest: 'tidak_dengar' }],
    ['pendengaran', { whisperTest: 'tidak_bisa_dites' }],
    ['depresi', { feelingDown: true }],
    ['depresi', { littleInterest: true }],
  ] as const)('%s positive with %j → rujuk', (domain, change) => {
    const found = interpretLansia({ skilas: { ...clear, ...change } }, ctx)
    expect(levelOf(found, `skilas.${domain}.positif`)).toBe('rujuk')
    expect(found.filter((f) => f.level === 'rujuk').map((f) => f.code)).toEqual([`skilas.${domain}.positif`])
  })

  it.each([
    ['mobilitas', { chairStandSeconds: 14 }],
    ['malnutrisi', { lilaCm: 21 }],
    ['kognitif', { wordsRecalled: 3 }],
  ] as const)('%s stays negatif at %j', (domain, change) => {
    expect(skilasDomains({ ...clear, ...change })[domain]).toBe('negatif')
  })

  it('an unanswered domain is belum_lengkap and gives no finding', () => {
    const { whisperTest: _, ...noHearing } = clear
    expect(skilasDomains(noHearing).pendengaran).toBe('belum_lengkap')
    expect(codes(interpretLansia({ skilas: noHearing }, ctx))).not.toContain('skilas.pendengaran.negatif')
    expect(skilasDomains({ ...clear, eyeProblem: false, fingerCountCorrect: undefined }).penglihatan).toBe(
      'belum_lengkap',
    )
  })
})

describe('AKS (modified Barthel 0–20)', () => {
  const full: Record<AksItem, number> = {
    bab: 2,
    bak: 2,
    membersihkan_diri: 1,
    penggunaan_wc: 2,
    makan: 2,
    berpindah: 3,
    mobilitas: 3,
    berpakaian: 2,
    naik_turun_tangga: 2,
    mandi: 1,
  }

  it('the item maxima add up to 20', () => {
    expect(aksTotal(full)).toBe(20)
    expect(Object.keys(full).sort()).toEqual([...AKS_ITEMS].sort())
  })

  it.each([
    [20, 'M'],
    [19, 'R'],
    [12, 'R'],
    [11, 'S'],
    [9, 'S'],
    [8, 'B'],
    [5, 'B'],
    [4, 'T'],
    [0, 'T'],
  ])('total %i → %s', (total, category) => {
    expect(aksCategory(total)).toBe(category)
  })

  it.each([
    [12, 'aks.R', 'perhatian'],
    [11, 'aks.S', 'rujuk'],
    [20, 'aks.M', 'normal'],
    [5, 'aks.B', 'rujuk'],
    [4, 'aks.T', 'rujuk'],
  ])('a person scoring %i → %s', (total, code, level) => {
    // Take points off the items in order until the total is reached.
    const scores = { ...full }
    let missing = 20 - total
    for (const item of AKS_ITEMS) {
      const take = Math.min(missing, scores[item])
      scores[item] -= take
      missing -= take
    }
    expect(levelOf(interpretLansia({ aks: scores }, ctx), code)).toBe(level)
  })

  it('has no total while an item is missing or out of range', () => {
    expect(aksTotal({ ...full, mandi: undefined })).toBeUndefined()
    expect(aksTotal({ ...full, mandi: 2 })).toBeUndefined()
    expect(interpretLansia({ aks: { bab: 2 } }, ctx)).toEqual([])
  })
})

describe('interpretLansia', () => {
  it('includes everything of dewasa (PUMA scores age ≥ 60 as 2 points)', () => {
    const found = interpretLansia(
      {
        systolicMmHg: 140,
        diastolicMmHg: 90,
        gdsMgDl: 200,
        puma: { shortOfBreath: true, phlegm: true, cough: true, spirometryBefore: true },
      },
      ctx,
    )
    expect(codes(found)).toEqual(['td.hipertensi', 'gds.tinggi', 'puma.risiko_ppok'])
  })
})
