import { describe, expect, it } from 'vitest'
import { memberStages } from '../../../src/domain/lifecycle'
import { interpretScreenings, SCREENING_INTERPRETERS, screeningPartsFor } from '../../../src/domain/screening'
import { bornYearsAgo, codes, makeContext } from './builders'

describe('screeningPartsFor', () => {
  it.each([
    ['bayi_baru_lahir', ['balita', 'neonatus']],
    ['bayi', ['balita']],
    ['balita', ['balita']],
    ['prasekolah', ['balita']],
    ['usia_sekolah_remaja', ['remaja']],
    ['dewasa', ['dewasa']],
    ['lansia', ['lansia']],
  ] as const)('%s → %j', (stage, parts) => {
    expect(screeningPartsFor({ stage, overlays: [] }, 'L')).toEqual(parts)
  })

  it('adds the pregnancy and nifas parts after the stage part', () => {
    expect(screeningPartsFor({ stage: 'usia_sekolah_remaja', overlays: ['ibu_hamil'] }, 'P')).toEqual([
      'remaja',
      'ibu_hamil',
    ])
    expect(screeningPartsFor({ stage: 'dewasa', overlays: ['ibu_nifas'] }, 'P')).toEqual(['dewasa', 'nifas'])
  })

  it('gives no overlay parts to a man', () => {
    expect(screeningPartsFor({ stage: 'dewasa', overlays: ['ibu_hamil'] }, 'L')).toEqual(['dewasa'])
  })

  it('works from memberStages: a pregnant 17-year-old, a 65-year-old', () => {
    const today = '2024-06-15'
    const girl = memberStages({ birthDate: '2007-01-01', sex: 'P', hpht: '2024-03-01' }, today)
    const elder = memberStages({ birthDate: '1959-01-01', sex: 'P' }, today)
    expect(girl && screeningPartsFor(girl, 'P')).toEqual(['remaja', 'ibu_hamil'])
    expect(elder && screeningPartsFor(elder, 'P')).toEqual(['lansia'])
  })
})

describe('interpretScreenings', () => {
  it('has an interpreter for every part except balita (growth engine)', () => {
    expect(Object.keys(SCREENING_INTERPRETERS).sort()).toEqual(
      ['dewasa', 'ibu_hamil', 'lansia', 'neonatus', 'nifas', 'remaja'].sort(),
    )
  })

  it('reads every part present', () => {
    const ctx = makeContext({ birthDate: bornYearsAgo(30), hpht: '2024-03-01' })
    const found = interpretScreenings({ dewasa: { gdsMgDl: 250 }, ibu_hamil: { lilaCm: 22 } }, ctx)
    expect(codes(found)).toEqual(['gds.tinggi', 'bumil.usia_kehamilan', 'bumil.lila.kek'])
  })

  it('every finding names its source', () => {
    const ctx = makeContext({ birthDate: bornYearsAgo(65), sex: 'L' })
    const found = interpretScreenings({ lansia: { systolicMmHg: 150, waistCm: 95, smoking: 'aktif' } }, ctx)
    expect(found.length).toBe(3)
    expect(found.every((f) => f.source.includes('clinical-rules.md §'))).toBe(true)
  })
})
