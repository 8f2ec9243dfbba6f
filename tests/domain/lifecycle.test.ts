import { describe, expect, it } from 'vitest'
import { lifeStage, memberStages, nifas, pregnancy } from '../../src/domain/lifecycle'

describe('lifeStage', () => {
  it.each([
    // bayi baru lahir: day 0–28; bayi from day 29
    ['2024-03-01', '2024-03-01', 'bayi_baru_lahir'],
    ['2024-03-01', '2024-03-29', 'bayi_baru_lahir'],
    ['2024-03-01', '2024-03-30', 'bayi'],
    // 12 months
    ['2023-06-15', '2024-06-14', 'bayi'],
    ['2023-06-15', '2024-06-15', 'balita'],
    // 60 months
    ['2019-06-15', '2024-06-14', 'balita'],
    ['2019-06-15', '2024-06-15', 'prasekolah'],
    // 72 months = 6th birthday
    ['2019-06-15', '2025-06-14', 'prasekolah'],
    ['2019-06-15', '2025-06-15', 'usia_sekolah_remaja'],
    // 19th birthday
    ['2005-06-15', '2024-06-14', 'usia_sekolah_remaja'],
    ['2005-06-15', '2024-06-15', 'dewasa'],
    // 60th birthday
    ['1964-06-15', '2024-06-14', 'dewasa'],
    ['1964-06-15', '2024-06-15', 'lansia'],
  ])('born %s, on %s: %s', (birth, today, stage) => {
    expect(lifeStage(birth, today)).toBe(stage)
  })

  it.each([
    // Born 29 February: birthdays in common years fall on 1 March.
    ['2020-02-29', '2021-02-28', 'bayi'],
    ['2020-02-29', '2021-03-01', 'balita'],
    ['2020-02-29', '2026-02-28', 'prasekolah'],
    ['2020-02-29', '2026-03-01', 'usia_sekolah_remaja'],
    ['2004-02-29', '2023-02-28', 'usia_sekolah_remaja'],
    ['2004-02-29', '2023-03-01', 'dewasa'],
    ['1964-02-29', '2024-02-28', 'dewasa'],
    ['1964-02-29', '2024-02-29', 'lansia'],
  ])('born %s, on %s: %s', (birth, today, stage) => {
    expect(lifeStage(birth, today)).toBe(stage)
  })

  it('is undefined before birth', () => {
    expect(lifeStage('2024-06-16', '2024-06-15')).toBeUndefined()
  })
})

describe('pregnancy', () => {
  it.each([
    // HPHT, day, weeks, days
    ['2024-01-01', '2024-01-01', 0, 0],
    ['2024-01-01', '2024-03-31', 12, 6],
    ['2024-01-01', '2024-04-01', 13, 0],
    ['2024-01-01', '2024-07-14', 27, 6],
    ['2024-01-01', '2024-11-04', 44, 0],
  ])('HPHT %s, on %s: %i w %i d', (hpht, today, weeks, days) => {
    expect(pregnancy(hpht, today)).toMatchObject({ weeks, days, gestationalDays: weeks * 7 + days })
  })

  it.each([
    // Naegele, calendar method: day + 7, month − 3, year + 1. HPHT + 280 days given for comparison.
    ['2024-01-01', '2024-10-08'], // + 280 d: 2024-10-07 (leap year)
    ['2023-03-10', '2023-12-17'], // + 280 d: 2023-12-15
    ['2023-11-29', '2024-09-05'], // + 280 d: 2024-09-04
    ['2023-05-25', '2024-03-03'], // "32 Feb" of a leap year; + 280 d: 2024-02-29
    ['2022-05-25', '2023-03-04'], // "32 Feb" of a common year; + 280 d: 2023-03-01
    ['2023-05-31', '2024-03-09'], // + 280 d: 2024-03-06
    ['2024-02-29', '2024-12-06'], // + 280 d: 2024-12-05
  ])('HPHT %s: HPL %s', (hpht, hpl) => {
    expect(pregnancy(hpht, hpht)?.hpl).toBe(hpl)
  })

  it('is undefined before the HPHT and after 44 weeks (the delivery was not recorded)', () => {
    expect(pregnancy('2024-01-02', '2024-01-01')).toBeUndefined()
    expect(pregnancy('2024-01-01', '2024-11-05')).toBeUndefined()
  })

  it('is over once a delivery on or after the HPHT is recorded, up to today', () => {
    expect(pregnancy('2024-01-01', '2024-10-10', '2024-10-08')).toBeUndefined()
    expect(pregnancy('2024-01-01', '2024-10-08', '2024-10-08')).toBeUndefined()
    expect(pregnancy('2024-01-01', '2024-02-10', '2024-01-01')).toBeUndefined()
  })

  it('ignores a delivery before the HPHT (an earlier pregnancy) or after today', () => {
    expect(pregnancy('2024-01-01', '2024-03-01', '2023-03-01')).toMatchObject({ weeks: 8 })
    expect(pregnancy('2024-01-01', '2024-03-01', '2024-03-02')).toMatchObject({ weeks: 8 })
  })
})

describe('nifas', () => {
  it.each([
    ['2024-03-01', 0],
    ['2024-04-12', 42],
  ])('delivered 2024-03-01, on %s: day %i', (today, daysSinceDelivery) => {
    expect(nifas('2024-03-01', today)).toEqual({ daysSinceDelivery })
  })

  it('is undefined before the delivery and from day 43', () => {
    expect(nifas('2024-03-01', '2024-02-29')).toBeUndefined()
    expect(nifas('2024-03-01', '2024-04-13')).toBeUndefined()
  })
})

describe('memberStages', () => {
  const today = '2024-06-15'

  it('gives the life stage with no overlays by default', () => {
    expect(memberStages({ birthDate: '1990-01-01', sex: 'P' }, today)).toEqual({
      stage: 'dewasa',
      overlays: [],
    })
  })

  it('adds ibu_hamil with the pregnancy for a pregnant woman', () => {
    expect(memberStages({ birthDate: '1990-01-01', sex: 'P', hpht: '2024-01-01' }, today)).toEqual({
      stage: 'dewasa',
      overlays: ['ibu_hamil'],
      pregnancy: { gestationalDays: 166, weeks: 23, days: 5, hpl: '2024-10-08' },
    })
  })

  it('adds ibu_nifas, not ibu_hamil, after the delivery', () => {
    const m = { birthDate: '1990-01-01', sex: 'P' as const, hpht: '2023-09-01', deliveryDate: '2024-06-05' }
    expect(memberStages(m, today)).toEqual({
      stage: 'dewasa',
      overlays: ['ibu_nifas'],
      nifas: { daysSinceDelivery: 10 },
    })
  })

  it('never adds overlays for a man', () => {
    const m = { birthDate: '1990-01-01', sex: 'L' as const, hpht: '2024-01-01', deliveryDate: '2024-06-05' }
    expect(memberStages(m, today)).toEqual({ stage: 'dewasa', overlays: [] })
  })

  it('is undefined before birth', () => {
    expect(memberStages({ birthDate: '2024-06-16', sex: 'P' }, today)).toBeUndefined()
  })
})
