import { describe, expect, it } from 'vitest'
import { extremeValues } from '../../src/domain/plausibility'

const boy2y = { birthDate: '2023-03-01', sex: 'L' as const }
const visit = '2025-03-01'
const fields = (list: { field: string }[]) => list.map((e) => e.field)

describe('extremeValues — balita (WHO flags)', () => {
  it('flags a 2-year-old at 25 kg (BB/U z > +5), not one at 12 kg', () => {
    const flagged = extremeValues('balita', { weightKg: 25 }, boy2y, visit)
    expect(flagged).toHaveLength(1)
    expect(flagged[0]).toMatchObject({ field: 'weightKg', code: 'wfa' })
    // The z read, in each language's decimal style: "+5,xx" and "+5.xx".
    const z = /BB\/U \+(\d+),(\d\d) SD/.exec(flagged[0]?.message.id ?? '')
    expect(Number(`${z?.[1]}.${z?.[2]}`)).toBeGreaterThan(5)
    expect(flagged[0]?.message.en).toContain(`weight-for-age +${z?.[1]}.${z?.[2]} SD`)
    expect(extremeValues('balita', { weightKg: 12 }, boy2y, visit)).toEqual([])
  })

  it('flags a very low weight-for-age (z < −6)', () => {
    expect(fields(extremeValues('balita', { weightKg: 4 }, boy2y, visit))).toEqual(['weightKg'])
  })

  it('flags length-for-age |z| > 6 and weight-for-height |z| > 5', () => {
    const tall = extremeValues('balita', { lengthCm: 125, position: 'standing' }, boy2y, visit)
    expect(tall).toEqual([expect.objectContaining({ field: 'lengthCm', code: 'lhfa' })])
    // 8 kg at 95 cm: each alone is within the flags, together weight-for-height is below −5.
    const thin = extremeValues('balita', { weightKg: 8, lengthCm: 95, position: 'standing' }, boy2y, visit)
    expect(thin.map((e) => e.code)).toContain('wflh')
  })

  it('flags head and arm circumference beyond ±5 SD', () => {
    expect(fields(extremeValues('balita', { headCm: 58, armCm: 30 }, boy2y, visit))).toEqual([
      'headCm',
      'armCm',
    ])
    expect(extremeValues('balita', { headCm: 48, armCm: 15.5 }, boy2y, visit)).toEqual([])
  })

  it('does not read weight-based z-scores with oedema', () => {
    expect(extremeValues('balita', { weightKg: 25, oedema: true }, boy2y, visit)).toEqual([])
  })

  it('flags a temperature below 35 or from 41 °C', () => {
    expect(fields(extremeValues('balita', { temperatureC: 34.5 }, boy2y, visit))).toEqual(['temperatureC'])
    expect(fields(extremeValues('balita', { temperatureC: 41 }, boy2y, visit))).toEqual(['temperatureC'])
    expect(extremeValues('balita', { temperatureC: 39.5 }, boy2y, visit)).toEqual([])
  })

  it('returns nothing for a visit before the birth or an invalid date', () => {
    expect(extremeValues('balita', { weightKg: 25 }, boy2y, '2020-01-01')).toEqual([])
    expect(extremeValues('balita', { weightKg: 25 }, { ...boy2y, birthDate: '2023-02-30' }, visit)).toEqual(
      [],
    )
  })
})

describe('extremeValues — adults (project bounds)', () => {
  const man40 = { birthDate: '1985-01-01', sex: 'L' as const }

  it('flags weight > 150 kg, height < 130 or > 200 cm', () => {
    const found = extremeValues('dewasa', { weightKg: 160, heightCm: 205 }, man40, visit)
    expect(found).toEqual([
      {
        field: 'weightKg',
        code: 'high',
        message: {
          id: '160 kg sangat tinggi. Ukur ulang untuk memastikan.',
          en: '160 kg is very high. Measure again to be sure.',
        },
      },
      {
        field: 'heightCm',
        code: 'high',
        message: {
          id: '205 cm sangat tinggi. Ukur ulang untuk memastikan.',
          en: '205 cm is very high. Measure again to be sure.',
        },
      },
    ])
    expect(fields(extremeValues('dewasa', { heightCm: 125 }, man40, visit))).toEqual(['heightCm'])
    expect(extremeValues('dewasa', { weightKg: 70, heightCm: 165, waistCm: 85 }, man40, visit)).toEqual([])
  })

  it('flags an IMT outside 12–60 at the weight', () => {
    const found = extremeValues('dewasa', { weightKg: 140, heightCm: 145 }, man40, visit)
    expect(found).toEqual([
      {
        field: 'weightKg',
        code: 'imt',
        message: {
          id: 'IMT 66,6 sangat tidak biasa. Periksa lagi berat dan tinggi badan.',
          en: 'A BMI of 66.6 is very unusual. Check weight and height.',
        },
      },
    ])
  })

  it('flags BP ≥ 220/130, very low BP and a narrow pulse pressure', () => {
    expect(fields(extremeValues('dewasa', { systolicMmHg: 230, diastolicMmHg: 135 }, man40, visit))).toEqual([
      'systolicMmHg',
      'diastolicMmHg',
    ])
    expect(fields(extremeValues('dewasa', { systolicMmHg: 70 }, man40, visit))).toEqual(['systolicMmHg'])
    expect(extremeValues('dewasa', { systolicMmHg: 120, diastolicMmHg: 110 }, man40, visit)).toEqual([
      {
        field: 'diastolicMmHg',
        code: 'pulsePressure',
        message: {
          id: 'Tekanan darah 120/110: angka atas dan bawah terlalu dekat. Ukur ulang.',
          en: 'Blood pressure 120/110: the upper and lower numbers are too close. Measure again.',
        },
      },
    ])
    expect(extremeValues('dewasa', { systolicMmHg: 150, diastolicMmHg: 95 }, man40, visit)).toEqual([])
  })

  it('flags GDS ≥ 500 and < 50', () => {
    expect(fields(extremeValues('dewasa', { gdsMgDl: 520 }, man40, visit))).toEqual(['gdsMgDl'])
    expect(fields(extremeValues('dewasa', { gdsMgDl: 45 }, man40, visit))).toEqual(['gdsMgDl'])
    expect(extremeValues('dewasa', { gdsMgDl: 250 }, man40, visit)).toEqual([])
  })

  it('flags smoking years that would start before age 10, and > 60 cigarettes a day', () => {
    const found = extremeValues('dewasa', { puma: { smokingYears: 35, cigarettesPerDay: 80 } }, man40, visit)
    expect(fields(found)).toEqual(['puma.cigarettesPerDay', 'puma.smokingYears'])
    expect(
      extremeValues('dewasa', { puma: { smokingYears: 25, cigarettesPerDay: 12 } }, man40, visit),
    ).toEqual([])
  })

  it('lansia: the dewasa checks plus SKILAS chair stand and LiLA', () => {
    const woman70 = { birthDate: '1955-01-01', sex: 'P' as const }
    const found = extremeValues(
      'lansia',
      { weightKg: 25, skilas: { chairStandSeconds: 90, lilaCm: 14 } },
      woman70,
      visit,
    )
    expect(fields(found)).toEqual(['weightKg', 'skilas.chairStandSeconds', 'skilas.lilaCm'])
  })
})

describe('extremeValues — remaja and ibu hamil', () => {
  const girl15 = { birthDate: '2010-01-01', sex: 'P' as const }

  it('remaja: WHO 2007 flags on the computed z-scores, Hb and BP bounds', () => {
    expect(fields(extremeValues('remaja', { bfaZ: -5.3, hfaZ: 6.5, hbGdl: 4 }, girl15, visit))).toEqual([
      'bfaZ',
      'hfaZ',
      'hbGdl',
    ])
    expect(extremeValues('remaja', { bfaZ: -4, hfaZ: 5.9, hbGdl: 11 }, girl15, visit)).toEqual([])
  })

  it('ibu hamil: more TTD tablets than days since the HPHT needs a confirmation', () => {
    const mother = { birthDate: '1995-01-01', sex: 'P' as const, hpht: '2025-01-01' }
    expect(extremeValues('ibu_hamil', { ttdTabletsTotal: 90 }, mother, visit)).toEqual([
      {
        field: 'ttdTabletsTotal',
        code: 'ttdDays',
        message: {
          id: '90 tablet TTD, padahal baru 59 hari sejak HPHT. Tanyakan lagi.',
          en: '90 iron tablets, but only 59 days since the last period. Ask again.',
        },
      },
    ])
    expect(extremeValues('ibu_hamil', { ttdTabletsTotal: 60 }, mother, visit)).toEqual([])
    const noHpht = { birthDate: '1995-01-01', sex: 'P' as const }
    expect(fields(extremeValues('ibu_hamil', { ttdTabletsTotal: 320, lilaCm: 15 }, noHpht, visit))).toEqual([
      'lilaCm',
      'ttdTabletsTotal',
    ])
  })

  it('neonatus and nifas have no measurements to flag', () => {
    expect(extremeValues('neonatus', { dangerSigns: [] }, girl15, visit)).toEqual([])
    expect(extremeValues('nifas', { vitaminADates: [visit] }, girl15, visit)).toEqual([])
  })
})

describe('extremeValues — remaja from the measurements', () => {
  const boy9 = { birthDate: '2016-01-01', sex: 'L' as const }

  it('flags a 9-year-old at 150 kg (BB/U, IMT/U) and 200 cm (TB/U)', () => {
    expect(fields(extremeValues('remaja', { weightKg: 150, heightCm: 140 }, boy9, visit))).toEqual([
      'weightKg',
      'weightKg',
    ])
    expect(fields(extremeValues('remaja', { heightCm: 200 }, boy9, visit))).toEqual(['heightCm'])
    expect(extremeValues('remaja', { weightKg: 32, heightCm: 138 }, boy9, visit)).toEqual([])
  })
})
