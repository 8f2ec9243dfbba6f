// WHO's own published z-scores, reproduced to 2 decimals. Fixtures and their sources: fixtures/README.md.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type Indicator, type ZResult, zScore } from '../../../src/domain/growth'

type Row = Record<string, string>

function readCsv(name: string): Row[] {
  const [header, ...lines] = readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
  const columns = (header as string).split(',')
  return lines.map((line) => {
    const fields = line.split(',')
    return Object.fromEntries(columns.map((column, i) => [column, fields[i] ?? '']))
  })
}

const num = (text: string | undefined) => (text ? Number(text) : undefined)
/** What WHO reported: a z and its flag, or nothing. */
const expected = (z: string | undefined, flag?: string) =>
  z ? { z: Number(z), flagged: flag === '1' } : undefined
const got = (result: ZResult) => (result.ok ? { z: result.z, flagged: result.flagged } : undefined)

describe('igrowup demo survey (WHO, 0–5 y): fixtures/igrowup_survey_z_st.subset.csv', () => {
  const rows = readCsv('igrowup_survey_z_st.subset.csv')
  // The old igrowup macro reported z-scores up to 1856 days; anthro ≥ 1.0 (and this module) stop at
  // age < 60 months, and the published tables end at day 1826, so those rows cannot be reproduced.
  const inRange = rows.filter((row) => Number(row._agedays) <= 1826)
  const beyond = rows.filter((row) => Number(row._agedays) > 1826)

  const COLUMNS: [Indicator, string, string][] = [
    ['wfa', '_ZWEI', '_FWEI'],
    ['lhfa', '_ZLEN', '_FLEN'],
    ['wflh', '_ZWFL', '_FWFL'],
    ['bfa', '_ZBMI', '_FBMI'],
    ['hcfa', '_ZHC', '_FHC'],
    ['acfa', '_ZAC', '_FAC'],
  ]
  const input = (row: Row, indicator: Indicator) => ({
    indicator,
    sex: row.GENDER === '1' ? ('L' as const) : ('P' as const),
    ageDays: Number(row._agedays),
    weightKg: num(row.WEIGHT),
    lengthCm: num(row.HEIGHT),
    position:
      row.measure === 'l' ? ('lying' as const) : row.measure === 'h' ? ('standing' as const) : undefined,
    headCm: num(row.HEAD),
    armCm: num(row.MUAC),
    oedema: row.oedema === 'y',
  })

  it('covers every indicator, both sexes, both positions, wrong positions and beyond ±3 SD', () => {
    expect(inRange.length).toBeGreaterThan(100)
    for (const [, z] of COLUMNS) expect(inRange.some((row) => row[z] !== '')).toBe(true)
    expect(new Set(inRange.map((row) => row.GENDER))).toEqual(new Set(['1', '2']))
    expect(inRange.some((row) => row.measure === 'h' && Number(row._agedays) < 731)).toBe(true)
    expect(inRange.some((row) => row.measure === 'l' && Number(row._agedays) >= 731)).toBe(true)
    for (const [, z] of COLUMNS.slice(0, 5)) {
      expect(inRange.some((row) => Math.abs(Number(row[z] || 0)) > 3)).toBe(true)
    }
  })

  for (const [indicator, zColumn, flagColumn] of COLUMNS) {
    it(`${indicator}: every z-score and flag equals WHO's (${zColumn})`, () => {
      let compared = 0
      for (const row of inRange) {
        const want = expected(row[zColumn], row[flagColumn])
        expect({ id: row.id, result: got(zScore(input(row, indicator))) }).toEqual({
          id: row.id,
          result: want,
        })
        if (want) compared++
      }
      expect(compared).toBeGreaterThan(10)
    })
  }

  it('gives no z after 60 months where the old igrowup still did (up to 1856 days)', () => {
    expect(beyond.length).toBeGreaterThan(0)
    for (const row of beyond) {
      for (const [indicator] of COLUMNS) {
        const result = zScore(input(row, indicator))
        // From 60 months wfa, lhfa and bfa move to the WHO 2007 reference; the others end.
        if (result.ok) expect(result.reference).toBe('who2007')
        else expect(result.reason).toMatch(/age-out-of-range|missing-measure/)
      }
    }
  })
})

describe('anthro README example (WHO, 0–5 y, no position recorded): fixtures/anthro_readme_examples.csv', () => {
  const rows = readCsv('anthro_readme_examples.csv')
  const COLUMNS: [Indicator, string, string][] = [
    ['lhfa', 'zlen', 'flen'],
    ['wfa', 'zwei', 'fwei'],
    ['wflh', 'zwfl', 'fwfl'],
    ['bfa', 'zbmi', 'fbmi'],
  ]
  it.each(rows)('sex $sex, $age_days days, $weight kg, $lenhei cm', (row) => {
    for (const [indicator, z, flag] of COLUMNS) {
      const result = zScore({
        indicator,
        sex: row.sex === '1' ? 'L' : 'P',
        ageDays: Number(row.age_days),
        weightKg: Number(row.weight),
        lengthCm: Number(row.lenhei),
      })
      expect({ indicator, result: got(result) }).toEqual({ indicator, result: expected(row[z], row[flag]) })
    }
  })
})

describe('WHO 2007 reference survey (anthroplus, 5–19 y): fixtures/who2007_survey_z.sample.csv', () => {
  const rows = readCsv('who2007_survey_z.sample.csv')
  const COLUMNS: [Indicator, string][] = [
    ['lhfa', 'zhfa'],
    ['wfa', 'zwfa'],
    ['bfa', 'zbfa'],
  ]
  it.each(rows)('sex $sex, $agemons months', (row) => {
    for (const [indicator, z] of COLUMNS) {
      const result = zScore({
        indicator,
        sex: row.sex === '1' ? 'L' : 'P',
        // anthroplus takes age in months; this module takes days and divides by 30.4375 again.
        ageDays: Number(row.agemons) * 30.4375,
        weightKg: Number(row.weight),
        lengthCm: Number(row.height),
        oedema: row.oedema === 'y',
      })
      expect({ indicator, z: result.ok ? result.z : undefined }).toEqual({ indicator, z: num(row[z]) })
      if (result.ok) expect(result.reference).toBe('who2007')
    }
  })
})
