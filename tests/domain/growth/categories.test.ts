// Permenkes 2/2020 categories on both sides of every cut-off (clinical-rules.md §2.1).
import { describe, expect, it } from 'vitest'
import { categorize, type Indicator, muacCategory } from '../../../src/domain/growth'

const code = (indicator: Indicator, ageMonths: number, z: number) => categorize(indicator, ageMonths, z)?.code

describe('categorize', () => {
  const cases: [Indicator, number, [number, string][]][] = [
    [
      'wfa',
      24,
      [
        [-3.01, 'bbu.sangat-kurang'],
        [-3, 'bbu.kurang'],
        [-2.01, 'bbu.kurang'],
        [-2, 'bbu.normal'],
        [1, 'bbu.normal'],
        [1.01, 'bbu.risiko-lebih'],
      ],
    ],
    [
      'lhfa',
      24,
      [
        [-3.01, 'tbu.sangat-pendek'],
        [-3, 'tbu.pendek'],
        [-2.01, 'tbu.pendek'],
        [-2, 'tbu.normal'],
        [3, 'tbu.normal'],
        [3.01, 'tbu.tinggi'],
      ],
    ],
    [
      'lhfa',
      120,
      [
        [-3.01, 'tbu.sangat-pendek'],
        [-2.01, 'tbu.pendek'],
        [-2, 'tbu.normal'],
        [3.01, 'tbu.tinggi'],
      ],
    ],
    [
      'wflh',
      12,
      [
        [-3.01, 'bbtb.gizi-buruk'],
        [-3, 'bbtb.gizi-kurang'],
        [-2.01, 'bbtb.gizi-kurang'],
        [-2, 'bbtb.gizi-baik'],
        [1, 'bbtb.gizi-baik'],
        [1.01, 'bbtb.berisiko-gizi-lebih'],
        [2, 'bbtb.berisiko-gizi-lebih'],
        [2.01, 'bbtb.gizi-lebih'],
        [3, 'bbtb.gizi-lebih'],
        [3.01, 'bbtb.obesitas'],
      ],
    ],
    [
      'bfa',
      59.9,
      [
        [-3.01, 'imtu.gizi-buruk'],
        [-2.01, 'imtu.gizi-kurang'],
        [-2, 'imtu.gizi-baik'],
        [1.01, 'imtu.berisiko-gizi-lebih'],
        [2.01, 'imtu.gizi-lebih'],
        [3.01, 'imtu.obesitas'],
      ],
    ],
    [
      'bfa',
      60,
      [
        [-3.01, 'imtu.gizi-buruk'],
        [-3, 'imtu.gizi-kurang'],
        [-2.01, 'imtu.gizi-kurang'],
        [-2, 'imtu.gizi-baik'],
        [1, 'imtu.gizi-baik'],
        [1.01, 'imtu.gizi-lebih'],
        [2, 'imtu.gizi-lebih'],
        [2.01, 'imtu.obesitas'],
      ],
    ],
    [
      'hcfa',
      6,
      [
        [-2.01, 'lku.mikrosefali'],
        [-2, 'lku.normal'],
        [2, 'lku.normal'],
        [2.01, 'lku.makrosefali'],
      ],
    ],
  ]
  for (const [indicator, ageMonths, points] of cases) {
    it.each(points)(`${indicator} at ${ageMonths} months: z %s → %s`, (z, expected) => {
      expect(code(indicator, ageMonths, z)).toBe(expected)
    })
  }

  it('names the index by age: PB/U and BB/PB under 24 months, TB/U and BB/TB from 24', () => {
    expect(categorize('lhfa', 23.9, 0)?.index).toBe('PB/U')
    expect(categorize('lhfa', 24, 0)?.index).toBe('TB/U')
    expect(categorize('wflh', 23.9, 0)?.index).toBe('BB/PB')
    expect(categorize('wflh', 24, 0)?.index).toBe('BB/TB')
    expect(categorize('lhfa', 30, -2.5)?.label).toEqual({ id: 'Pendek (stunting)', en: 'Stunted' })
  })

  it('has no Kemenkes category where Permenkes 2/2020 has no table', () => {
    expect(categorize('wfa', 60, -3.5)).toBeUndefined()
    expect(categorize('wflh', 60, -3.5)).toBeUndefined()
    expect(categorize('hcfa', 60, 3)).toBeUndefined()
    expect(categorize('acfa', 12, -3)).toBeUndefined()
    expect(categorize('lhfa', 229, 0)).toBeUndefined()
    expect(categorize('wfa', 12, Number.NaN)).toBeUndefined()
  })
})

describe('muacCategory (LiLA balita 6–59 months)', () => {
  it.each([
    [11.4, 'lila.gizi-buruk'],
    [11.5, 'lila.gizi-kurang'],
    [12.4, 'lila.gizi-kurang'],
    [12.5, 'lila.normal'],
  ])('%s cm → %s', (armCm, expected) => {
    expect(muacCategory(12, armCm)?.code).toBe(expected)
  })

  it('applies from 6 to 59 months only', () => {
    expect(muacCategory(5.9, 11)).toBeUndefined()
    expect(muacCategory(6, 11)?.code).toBe('lila.gizi-buruk')
    expect(muacCategory(59.9, 11)?.code).toBe('lila.gizi-buruk')
    expect(muacCategory(60, 11)).toBeUndefined()
  })
})
