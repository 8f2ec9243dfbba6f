// N/T/O/B, KBM, 2T and BGM (Buku KIA / KMS, clinical-rules.md §2.1).
import { describe, expect, it } from 'vitest'
import { isBgm, KBM_GRAMS, kbmGrams, twoT, weightGainStatus } from '../../../src/domain/growth'

const w = (date: string, weightKg: number) => ({ date, weightKg })

describe('kbmGrams', () => {
  it('follows the KMS column by default and the Tulip column on request', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 60].map((m) => kbmGrams(m))).toEqual([
      800, 900, 800, 600, 500, 400, 400, 300, 300, 300, 200, 200, 200,
    ])
    expect(kbmGrams(3, 'tulip')).toBe(600)
    expect(kbmGrams(7, 'tulip')).toBe(300)
    expect(KBM_GRAMS.kms.length).toBe(11)
  })

  it('uses the first month for a child not yet 1 month old and whole months otherwise', () => {
    expect(kbmGrams(0)).toBe(800)
    expect(kbmGrams(2.9)).toBe(900)
  })
})

describe('weightGainStatus', () => {
  it('is B at the first weighing', () => {
    expect(weightGainStatus(undefined, w('2025-03-10', 8), 7)).toBe('B')
  })

  it('is O when last month was missed, whatever the gain', () => {
    expect(weightGainStatus(w('2025-01-28', 7), w('2025-03-02', 9), 7)).toBe('O')
  })

  it('compares with the previous calendar month, also across a year and at month ends', () => {
    expect(weightGainStatus(w('2024-12-31', 10), w('2025-01-01', 10.2), 14)).toBe('N')
    expect(weightGainStatus(w('2025-02-01', 10), w('2025-03-31', 10.1), 14)).toBe('T')
  })

  it('is N at exactly the KBM and T one step below it', () => {
    expect(weightGainStatus(w('2025-01-10', 6), w('2025-02-10', 6.8), 3)).toBe('N')
    expect(weightGainStatus(w('2025-01-10', 6), w('2025-02-10', 6.7), 3)).toBe('T')
    // Tulip asks 600 g at 3 months.
    expect(weightGainStatus(w('2025-01-10', 6), w('2025-02-10', 6.6), 3, 'tulip')).toBe('N')
    expect(weightGainStatus(w('2025-01-10', 6), w('2025-02-10', 6.5), 3, 'tulip')).toBe('T')
  })

  it('counts whole grams (9.6 → 10.4 kg is 800 g, not 799.99…)', () => {
    expect(weightGainStatus(w('2025-01-10', 9.6), w('2025-02-10', 10.4), 1)).toBe('N')
  })

  it('is T when weight stays or falls', () => {
    expect(weightGainStatus(w('2025-01-10', 12), w('2025-02-10', 12), 30)).toBe('T')
    expect(weightGainStatus(w('2025-01-10', 12), w('2025-02-10', 11.8), 30)).toBe('T')
  })

  it('refuses a previous weighing from the same or a later month', () => {
    expect(() => weightGainStatus(w('2025-02-01', 10), w('2025-02-20', 10.3), 14)).toThrow(RangeError)
    expect(() => weightGainStatus(w('2025-03-01', 10), w('2025-02-20', 10.3), 14)).toThrow(RangeError)
  })
})

describe('twoT and isBgm', () => {
  it('is 2T only for two T in a row at the end', () => {
    expect(twoT(['N', 'T', 'T'])).toBe(true)
    expect(twoT(['T', 'T', 'N'])).toBe(false)
    expect(twoT(['T', 'O', 'T'])).toBe(false)
    expect(twoT(['T'])).toBe(false)
    expect(twoT([])).toBe(false)
  })

  it('is BGM below −3 SD of BB/U, not at it', () => {
    expect(isBgm(-3.01)).toBe(true)
    expect(isBgm(-3)).toBe(false)
  })
})
