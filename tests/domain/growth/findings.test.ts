import { describe, expect, it } from 'vitest'
import { worstLevel } from '../../../src/domain/findings'
import { growthFindings, zScore } from '../../../src/domain/growth'

const ok = (z: number, flagged = false) => ({ ok: true as const, z, flagged, reference: 'who2006' as const })
const codes = (findings: ReturnType<typeof growthFindings>) => findings.map((f) => `${f.code}:${f.level}`)

describe('growthFindings', () => {
  it('gives one normal finding per thing checked for a child growing well', () => {
    const findings = growthFindings({
      ageMonths: 18,
      scores: { wfa: ok(0.2), lhfa: ok(-0.5), wflh: ok(0.8), hcfa: ok(0) },
      armCm: 14,
      statuses: ['N', 'N'],
    })
    expect(codes(findings)).toEqual([
      'bbu.normal:normal',
      'tbu.normal:normal',
      'bbtb.gizi-baik:normal',
      'lku.normal:normal',
      'lila.normal:normal',
      'kms.n:normal',
    ])
    expect(worstLevel(findings)).toBe('normal')
    expect(findings[1]?.message).toEqual({ id: 'PB/U: Normal', en: 'Length-for-age: Normal' })
    expect(findings[0]?.source).toMatch(/Permenkes 2\/2020/)
  })

  it('refers stunting, wasting, gizi buruk, BGM, T and 2T', () => {
    const findings = growthFindings({
      ageMonths: 30,
      scores: { wfa: ok(-3.2), lhfa: ok(-2.3), wflh: ok(-2.5) },
      armCm: 11.2,
      statuses: ['N', 'T', 'T'],
    })
    expect(codes(findings)).toEqual([
      'bbu.sangat-kurang:rujuk',
      'kms.bgm:rujuk',
      'tbu.pendek:rujuk',
      'bbtb.gizi-kurang:rujuk',
      'lila.gizi-buruk:rujuk',
      'kms.t:rujuk',
      'kms.2t:rujuk',
    ])
  })

  it('asks attention for underweight and possible overweight, and refers above the orange line', () => {
    expect(codes(growthFindings({ ageMonths: 10, scores: { wfa: ok(-2.5), wflh: ok(1.5) } }))).toEqual([
      'bbu.kurang:perhatian',
      'bbtb.berisiko-gizi-lebih:perhatian',
    ])
    expect(codes(growthFindings({ ageMonths: 10, scores: { wfa: ok(1.01) } }))).toEqual([
      'bbu.risiko-lebih:rujuk',
    ])
  })

  it('asks to re-measure a flagged value not yet confirmed, and a standing baby', () => {
    const standing = zScore({ indicator: 'lhfa', sex: 'P', ageDays: 200, lengthCm: 65, position: 'standing' })
    const scores = { lhfa: standing, wfa: ok(-6.5, true) }
    const findings = growthFindings({ ageMonths: 6.6, scores, confirmed: false })
    expect(codes(findings)).toEqual(['bbu.tidak-wajar:perhatian', 'tbu.posisi-salah:perhatian'])
  })

  it('reads a flagged value once confirmed: beyond the most severe category, referred (BGM too)', () => {
    const findings = growthFindings({ ageMonths: 18, scores: { wfa: ok(-6.5, true), wflh: ok(-5.4, true) } })
    expect(codes(findings)).toEqual(['bbu.sangat-kurang:rujuk', 'kms.bgm:rujuk', 'bbtb.gizi-buruk:rujuk'])
    expect(findings.find((f) => f.code === 'bbtb.gizi-buruk')?.urgent).toBe(true)
  })

  it('uses the school-age IMT/U bands and no BGM from 60 months', () => {
    const findings = growthFindings({
      ageMonths: 100,
      scores: { bfa: ok(2.5), lhfa: ok(-2.1), wfa: ok(-3.5) },
    })
    expect(codes(findings)).toEqual(['tbu.pendek:rujuk', 'imtu.obesitas:rujuk'])
  })

  it('reports O and B without a clinical level and skips missing scores quietly', () => {
    expect(codes(growthFindings({ ageMonths: 12, statuses: ['B'] }))).toEqual(['kms.b:normal'])
    expect(codes(growthFindings({ ageMonths: 12, statuses: ['N', 'O'] }))).toEqual(['kms.o:normal'])
    const missing = zScore({ indicator: 'wfa', sex: 'L', ageDays: 300 })
    expect(growthFindings({ ageMonths: 10, scores: { wfa: missing } })).toEqual([])
  })
})
