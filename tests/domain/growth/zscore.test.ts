// The rules of zScore() one by one (clinical-rules.md §6); who-reference.test.ts checks the whole
// against WHO's published z-scores.
import { describe, expect, it } from 'vitest'
import { type ZScoreInput, zScore } from '../../../src/domain/growth'
import { interpolatedRow, lmsRow, lmsZ, lmsZRestricted } from '../../../src/domain/growth/lms'
import { HCFA, LHFA, WFA, WFL } from '../../../src/domain/growth/tables.generated'
import { round2 } from '../../../src/domain/growth/zscore'

const boy = (input: Omit<ZScoreInput, 'sex'>) => zScore({ sex: 'L', ...input })
const z = (result: ReturnType<typeof zScore>) => (result.ok ? result.z : result.reason)

describe('LMS and the restricted application beyond ±3 SD', () => {
  const row = lmsRow(WFA, 'L', 365)
  if (!row) throw new Error('no row')
  const sd = (k: number) => row.m * (1 + row.l * row.s * k) ** (1 / row.l)

  it('is the plain LMS z within ±3 SD', () => {
    expect(lmsZRestricted(sd(2), row)).toBeCloseTo(2, 12)
    expect(lmsZRestricted(sd(-2.5), row)).toBeCloseTo(-2.5, 12)
    expect(lmsZRestricted(row.m, row)).toBe(0)
  })

  it('measures beyond +3 SD in units of the 2–3 SD distance (WHO SD23 rule)', () => {
    const y = sd(3) + 1.5 * (sd(3) - sd(2))
    expect(lmsZRestricted(y, row)).toBeCloseTo(4.5, 12)
    expect(lmsZ(y, row)).not.toBeCloseTo(4.5, 2)
  })

  it('measures beyond −3 SD in units of the −2 to −3 SD distance', () => {
    const y = sd(-3) - 0.5 * (sd(-2) - sd(-3))
    expect(lmsZRestricted(y, row)).toBeCloseTo(-3.5, 12)
    expect(lmsZ(y, row)).not.toBeCloseTo(-3.5, 2)
  })

  it('is applied to weight-for-age but not to length-for-age', () => {
    expect(boy({ indicator: 'wfa', ageDays: 365, weightKg: sd(3) + (sd(3) - sd(2)) })).toMatchObject({ z: 4 })
    const len = lmsRow(LHFA, 'L', 365)
    if (!len) throw new Error('no row')
    // L = 1 for length: plain LMS is already linear, 4 SD is m·(1 + 4s).
    expect(boy({ indicator: 'lhfa', ageDays: 365, lengthCm: len.m * (1 + 4 * len.s) })).toMatchObject({
      z: 4,
    })
  })
})

describe('length and height: the 0.7 cm rule at 731 days', () => {
  it('adds 0.7 cm to a standing height before 731 days', () => {
    expect(z(boy({ indicator: 'lhfa', ageDays: 700, lengthCm: 80, position: 'standing' }))).toBe(
      z(boy({ indicator: 'lhfa', ageDays: 700, lengthCm: 80.7, position: 'lying' })),
    )
  })

  it('takes 0.7 cm off a lying length from 731 days', () => {
    expect(z(boy({ indicator: 'lhfa', ageDays: 731, lengthCm: 90, position: 'lying' }))).toBe(
      z(boy({ indicator: 'lhfa', ageDays: 731, lengthCm: 89.3, position: 'standing' })),
    )
    expect(z(boy({ indicator: 'lhfa', ageDays: 730, lengthCm: 90, position: 'lying' }))).not.toBe(
      z(boy({ indicator: 'lhfa', ageDays: 730, lengthCm: 89.3, position: 'lying' })),
    )
  })

  it('adjusts nothing when the position is not known (anthro)', () => {
    expect(z(boy({ indicator: 'lhfa', ageDays: 800, lengthCm: 90 }))).toBe(
      z(boy({ indicator: 'lhfa', ageDays: 800, lengthCm: 90, position: 'standing' })),
    )
  })

  it('decides by the age rounded half up to whole days', () => {
    const lying = (ageDays: number) => z(boy({ indicator: 'lhfa', ageDays, lengthCm: 88, position: 'lying' }))
    expect(lying(730.5)).toBe(z(boy({ indicator: 'lhfa', ageDays: 731, lengthCm: 87.3 })))
    expect(lying(730.49)).toBe(z(boy({ indicator: 'lhfa', ageDays: 730, lengthCm: 88 })))
  })

  it('feeds the adjusted value to weight-for-length/height and BMI', () => {
    const standing = { ageDays: 600, weightKg: 11, lengthCm: 80, position: 'standing' } as const
    const lying = { ageDays: 600, weightKg: 11, lengthCm: 80.7, position: 'lying' } as const
    expect(z(boy({ indicator: 'wflh', ...standing }))).toBe(z(boy({ indicator: 'wflh', ...lying })))
    expect(z(boy({ indicator: 'bfa', ...standing }))).toBe(z(boy({ indicator: 'bfa', ...lying })))
  })

  it('calls a standing measurement before 9 months implausible for the length-based indicators', () => {
    const standing = { ageDays: 273, weightKg: 8, lengthCm: 70, position: 'standing' } as const // 8.97 months
    for (const indicator of ['lhfa', 'wflh', 'bfa'] as const) {
      expect(boy({ indicator, ...standing })).toEqual({ ok: false, reason: 'implausible-position' })
    }
    expect(boy({ indicator: 'wfa', ...standing }).ok).toBe(true)
    expect(boy({ indicator: 'lhfa', ...standing, ageDays: 274 }).ok).toBe(true) // 9.002 months
  })
})

describe('weight-for-length (< 731 d) and weight-for-height (≥ 731 d)', () => {
  const wflh = (ageDays: number, lengthCm: number) =>
    z(boy({ indicator: 'wflh', ageDays, weightKg: 9, lengthCm }))

  it('uses the length table 45–110 cm before 731 days', () => {
    expect(wflh(730, 45)).toEqual(expect.any(Number))
    expect(wflh(730, 110)).toEqual(expect.any(Number))
    expect(wflh(730, 44.9)).toBe('measure-out-of-range')
    expect(wflh(730, 110.1)).toBe('measure-out-of-range')
  })

  it('uses the height table 65–120 cm from 731 days', () => {
    expect(wflh(731, 64.9)).toBe('measure-out-of-range')
    expect(wflh(731, 65)).toEqual(expect.any(Number))
    expect(wflh(731, 120)).toEqual(expect.any(Number))
    expect(wflh(731, 120.1)).toBe('measure-out-of-range')
  })

  it('interpolates L, M and S between the 0.1 cm rows', () => {
    const low = lmsRow(WFL, 'L', 750 - 450)
    const upp = lmsRow(WFL, 'L', 751 - 450)
    if (!low || !upp) throw new Error('no rows')
    const half = { l: (low.l + upp.l) / 2, m: (low.m + upp.m) / 2, s: (low.s + upp.s) / 2 }
    const weight = half.m * 1.3
    const result = boy({ indicator: 'wflh', ageDays: 400, weightKg: weight, lengthCm: 75.05 })
    expect(result).toMatchObject({ z: round2(lmsZRestricted(weight, half)) })
    const fraction = (75.05 - 75) / 0.1
    const interpolated = interpolatedRow(WFL, 'L', 300, fraction)
    expect(interpolated?.m).toBeCloseTo(half.m, 10)
  })
})

describe('age ranges', () => {
  it('reports 0–5 y z-scores while age < 60 months (day 1826) and moves to WHO 2007 after', () => {
    expect(boy({ indicator: 'wfa', ageDays: 1826, weightKg: 18 })).toMatchObject({ reference: 'who2006' })
    expect(boy({ indicator: 'wfa', ageDays: 1827, weightKg: 18 })).toMatchObject({ reference: 'who2007' })
    expect(boy({ indicator: 'lhfa', ageDays: 1827, lengthCm: 110 })).toMatchObject({ reference: 'who2007' })
    expect(boy({ indicator: 'bfa', ageDays: 1827, weightKg: 18, lengthCm: 110 })).toMatchObject({
      reference: 'who2007',
    })
    for (const indicator of ['wflh', 'hcfa', 'acfa'] as const) {
      const input = { ageDays: 1827, weightKg: 18, lengthCm: 110, headCm: 50, armCm: 16 }
      expect(boy({ indicator, ...input })).toEqual({ ok: false, reason: 'age-out-of-range' })
      expect(boy({ indicator, ...input, ageDays: 1826 }).ok).toBe(true)
    }
  })

  it('has arm circumference from 91 days (3 months)', () => {
    expect(z(boy({ indicator: 'acfa', ageDays: 90.49, armCm: 13 }))).toBe('age-out-of-range')
    expect(z(boy({ indicator: 'acfa', ageDays: 90.5, armCm: 13 }))).toEqual(expect.any(Number))
  })

  it('ends WHO 2007 weight-for-age before 121 months and height and BMI before 229 months', () => {
    const months = (m: number) => m * 30.4375
    expect(boy({ indicator: 'wfa', ageDays: months(120.99), weightKg: 30 }).ok).toBe(true)
    expect(z(boy({ indicator: 'wfa', ageDays: months(121), weightKg: 30 }))).toBe('age-out-of-range')
    expect(boy({ indicator: 'lhfa', ageDays: months(228.99), lengthCm: 170 }).ok).toBe(true)
    expect(z(boy({ indicator: 'lhfa', ageDays: months(229), lengthCm: 170 }))).toBe('age-out-of-range')
    expect(z(boy({ indicator: 'bfa', ageDays: months(229), weightKg: 60, lengthCm: 170 }))).toBe(
      'age-out-of-range',
    )
  })

  it('interpolates WHO 2007 L, M and S between whole months', () => {
    const at = (m: number) => boy({ indicator: 'lhfa', ageDays: m * 30.4375, lengthCm: 140 })
    const [a, b, c] = [at(120), at(120.5), at(121)].map(z) as number[]
    expect(b).toBeLessThan(a as number)
    expect(b).toBeGreaterThan(c as number)
  })

  it('rejects a negative or missing age', () => {
    expect(z(boy({ indicator: 'wfa', ageDays: -1, weightKg: 3 }))).toBe('age-out-of-range')
    expect(z(boy({ indicator: 'wfa', ageDays: Number.NaN, weightKg: 3 }))).toBe('age-out-of-range')
  })
})

describe('measures, oedema and flags', () => {
  it('says which measurement is missing or impossible', () => {
    expect(z(boy({ indicator: 'wfa', ageDays: 100 }))).toBe('missing-measure')
    expect(z(boy({ indicator: 'bfa', ageDays: 100, weightKg: 6 }))).toBe('missing-measure')
    expect(z(boy({ indicator: 'hcfa', ageDays: 100, headCm: 0 }))).toBe('invalid-measure')
    expect(z(boy({ indicator: 'acfa', ageDays: 100, armCm: -1 }))).toBe('invalid-measure')
  })

  it('computes no weight-based z-score with oedema', () => {
    const input = { ageDays: 400, weightKg: 8, lengthCm: 74, position: 'lying', oedema: true } as const
    for (const indicator of ['wfa', 'wflh', 'bfa'] as const)
      expect(z(boy({ indicator, ...input }))).toBe('oedema')
    expect(boy({ indicator: 'lhfa', ...input }).ok).toBe(true)
    expect(z(boy({ indicator: 'wfa', ...input, ageDays: 2000 }))).toBe('oedema')
  })

  it('flags length-for-age beyond ±6 and head circumference beyond ±5 (WHO)', () => {
    const len = lmsRow(LHFA, 'P', 200)
    const head = lmsRow(HCFA, 'P', 200)
    if (!len || !head) throw new Error('no rows')
    const at = (row: typeof len, k: number) => row.m * (1 + k * row.s)
    const girl = (input: Omit<ZScoreInput, 'sex'>) => zScore({ sex: 'P', ...input })
    expect(girl({ indicator: 'lhfa', ageDays: 200, lengthCm: at(len, 6) })).toMatchObject({
      z: 6,
      flagged: false,
    })
    expect(girl({ indicator: 'lhfa', ageDays: 200, lengthCm: at(len, -6.02) })).toMatchObject({
      flagged: true,
    })
    expect(girl({ indicator: 'hcfa', ageDays: 200, headCm: at(head, 5) })).toMatchObject({
      z: 5,
      flagged: false,
    })
    expect(girl({ indicator: 'hcfa', ageDays: 200, headCm: at(head, 5.02) })).toMatchObject({ flagged: true })
  })

  it('flags weight-for-age below −6 or above +5', () => {
    const row = lmsRow(WFA, 'L', 300)
    if (!row) throw new Error('no row')
    const sd = (k: number) => row.m * (1 + row.l * row.s * k) ** (1 / row.l)
    const at = (k: number) =>
      boy({ indicator: 'wfa', ageDays: 300, weightKg: sd(3) + (k - 3) * (sd(3) - sd(2)) })
    expect(at(5)).toMatchObject({ z: 5, flagged: false })
    expect(at(5.02)).toMatchObject({ flagged: true })
    const low = (k: number) =>
      boy({ indicator: 'wfa', ageDays: 300, weightKg: sd(-3) + (k + 3) * (sd(-2) - sd(-3)) })
    expect(low(-5.5)).toMatchObject({ z: -5.5, flagged: false })
  })
})

describe('round2 (R ≥ 4 round(z, 2))', () => {
  it.each([
    [1.005, 1], // the double is 1.00499999…
    [0.125, 0.12], // exact tie: even last digit
    [0.375, 0.38],
    [-0.125, -0.12],
    [-2.456, -2.46],
    [3.999, 4],
    [-0.001, 0],
  ])('%s → %s', (input, output) => {
    expect(Object.is(round2(input), output)).toBe(true)
  })
})
