import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import {
  type DewasaScreening,
  imt,
  imtCategory,
  interpretDewasa,
  type PumaAnswers,
  pumaScore,
} from '../../../src/domain/screening'
import { bornYearsAgo, codes, levelOf, makeContext } from './builders'

const adult = (overrides = {}) => makeContext({ birthDate: bornYearsAgo(45), ...overrides })
const read = (s: DewasaScreening, overrides = {}) => interpretDewasa(s, adult(overrides))

describe('IMT (Kemenkes/PGS 2014)', () => {
  it.each([
    [16.9, 'sangat_kurus'],
    [17, 'kurus'],
    [18.4, 'kurus'],
    [18.5, 'normal'],
    [25, 'normal'],
    [25.1, 'gemuk'],
    [27, 'gemuk'],
    [27.1, 'obesitas'],
  ])('IMT %f → %s', (value, category) => {
    expect(imtCategory(value)).toBe(category)
  })

  it('computes IMT to one decimal from weight and height', () => {
    expect(imt(70, 170)).toBe(24.2)
    expect(codes(read({ weightKg: 78, heightCm: 170 }))).toEqual(['imt.gemuk']) // 26.99 → 27.0
    expect(codes(read({ weightKg: 78.2, heightCm: 170 }))).toEqual(['imt.obesitas']) // 27.06 → 27.1
  })

  it('writes decimals as people do: a comma in Bahasa Indonesia, a point in English', () => {
    const [f] = read({ weightKg: 70, heightCm: 170 })
    expect(f?.message).toEqual({ id: 'IMT 24,2: normal', en: 'BMI 24.2: normal' })
    const [w] = read({ waistCm: 92.5 }, { sex: 'L' })
    expect(w?.message.id).toMatch(/^Lingkar perut 92,5 cm/)
  })

  it('is not read in pregnancy', () => {
    expect(read({ weightKg: 90, heightCm: 150, waistCm: 100 }, { hpht: '2024-03-01' })).toEqual([])
  })
})

describe('lingkar perut', () => {
  it.each([
    ['L', 90, 'lingkar_perut.normal'],
    ['L', 90.1, 'lingkar_perut.obesitas_sentral'],
    ['P', 80, 'lingkar_perut.normal'],
    ['P', 80.1, 'lingkar_perut.obesitas_sentral'],
  ] as const)('%s %f cm → %s', (sex, waistCm, code) => {
    expect(codes(read({ waistCm }, { sex }))).toEqual([code])
  })
})

describe('blood pressure', () => {
  it.each([
    [119, 79, 'td.normal', 'normal'],
    [120, 79, 'td.prahipertensi', 'perhatian'],
    [119, 80, 'td.prahipertensi', 'perhatian'],
    [139, 89, 'td.prahipertensi', 'perhatian'],
    [140, 89, 'td.hipertensi', 'rujuk'],
    [139, 90, 'td.hipertensi', 'rujuk'],
    [140, 90, 'td.hipertensi', 'rujuk'],
  ])('%i/%i → %s', (systolicMmHg, diastolicMmHg, code, level) => {
    const found = read({ systolicMmHg, diastolicMmHg })
    expect(codes(found)).toEqual([code])
    expect(found[0]?.level).toBe(level)
  })
})

describe('gula darah sewaktu', () => {
  it.each([
    [199, 'gds.normal', 'normal'],
    [200, 'gds.tinggi', 'rujuk'],
  ])('%i mg/dL → %s', (gdsMgDl, code, level) => {
    expect(levelOf(read({ gdsMgDl }), code)).toBe(level)
  })
})

describe('PUMA', () => {
  const none: PumaAnswers = { shortOfBreath: false, phlegm: false, cough: false, spirometryBefore: false }

  it.each([
    [40, 0],
    [49, 0],
    [50, 1],
    [59, 1],
    [60, 2],
  ])('age %i → %i points', (age, points) => {
    expect(pumaScore(none, 'P', age)?.items.age).toBe(points)
  })

  it.each([
    [19.9, 0],
    [20, 1],
    [30, 1],
    [30.1, 2],
  ])('%f pack-years → %i points', (packYears, points) => {
    // 20 cigarettes a day = 1 pack: pack-years = years
    expect(
      pumaScore({ ...none, cigarettesPerDay: 20, smokingYears: packYears }, 'P', 45)?.items.packYears,
    ).toBe(points)
  })

  it('scores sex and the yes/no items, up to 9', () => {
    const all = {
      cigarettesPerDay: 40,
      smokingYears: 20,
      shortOfBreath: true,
      phlegm: true,
      cough: true,
      spirometryBefore: true,
    }
    expect(pumaScore(all, 'L', 65)).toEqual({
      items: { sex: 1, age: 2, packYears: 2, shortOfBreath: 1, phlegm: 1, cough: 1, spirometryBefore: 1 },
      total: 9,
    })
  })

  it('is not scored under 40 or with an unanswered item', () => {
    expect(pumaScore(none, 'L', 39)).toBeUndefined()
    expect(pumaScore({ ...none, cough: undefined }, 'L', 45)).toBeUndefined()
  })

  // L (1) + 60 y (2) + 3 yes = 6; + spirometry = 7.
  const six: PumaAnswers = { shortOfBreath: true, phlegm: true, cough: true, spirometryBefore: false }
  const seven: PumaAnswers = { ...six, spirometryBefore: true }
  const sixtyL = { birthDate: bornYearsAgo(60), sex: 'L' as const }

  it.each([
    [six, 7, 'puma.edukasi'],
    [seven, 7, 'puma.risiko_ppok'],
    [six, 6, 'puma.risiko_ppok'],
    [six, 5, 'puma.risiko_ppok'],
  ])('score vs settings.pumaReferAt %#', (puma, pumaReferAt, code) => {
    const settings = { ...DEFAULT_CLINICAL_SETTINGS, pumaReferAt }
    expect(codes(read({ puma }, { ...sixtyL, settings }))).toEqual([code])
  })

  it('defaults to refer at 7', () => {
    expect(levelOf(read({ puma: seven }, sixtyL), 'puma')).toBe('rujuk')
    expect(levelOf(read({ puma: six }, sixtyL), 'puma')).toBe('normal')
  })
})

describe('TBC', () => {
  it.each([
    [[], 'tbc.bukan_terduga', 'normal'],
    [['batuk_2_minggu'], 'tbc.bukan_terduga', 'normal'],
    [['batuk_2_minggu', 'keringat_malam'], 'tbc.terduga', 'rujuk'],
  ] as const)('%j → %s', (tbcSymptoms, code, level) => {
    expect(levelOf(read({ tbcSymptoms: [...tbcSymptoms] }), code)).toBe(level)
  })

  it('counts a symptom ticked twice once', () => {
    expect(codes(read({ tbcSymptoms: ['lesu', 'lesu'] }))).toEqual(['tbc.bukan_terduga'])
  })

  it('flags a household contact', () => {
    expect(levelOf(read({ tbcHouseholdContact: true }), 'tbc.kontak_serumah')).toBe('perhatian')
    expect(read({ tbcHouseholdContact: false })).toEqual([])
  })

  it('refers a household contact with one symptom; without a contact one symptom is not terduga', () => {
    const contact = read({ tbcSymptoms: ['lesu'], tbcHouseholdContact: true })
    expect(levelOf(contact, 'tbc.terduga')).toBe('rujuk')
    expect(codes(contact)).toContain('tbc.kontak_serumah')
    expect(codes(read({ tbcSymptoms: [], tbcHouseholdContact: true }))).toEqual([
      'tbc.bukan_terduga',
      'tbc.kontak_serumah',
    ])
    expect(codes(read({ tbcSymptoms: ['lesu'], tbcHouseholdContact: false }))).toEqual(['tbc.bukan_terduga'])
  })

  it('refers batuk darah alone; another single symptom is not terduga', () => {
    expect(levelOf(read({ tbcSymptoms: ['batuk_darah'] }), 'tbc.terduga')).toBe('rujuk')
    expect(levelOf(read({ tbcSymptoms: ['sesak'] }), 'tbc.bukan_terduga')).toBe('normal')
  })
})

describe('SRQ-20', () => {
  const answers = (yes: number, item17 = false) => {
    const a: boolean[] = Array.from({ length: 20 }, (_, i) => i < yes)
    a[16] = item17
    return a
  }

  it.each([
    [5, 'jiwa.srq20.negatif', 'normal'],
    [6, 'jiwa.srq20.positif', 'rujuk'],
  ])('%i "ya" → %s', (yes, code, level) => {
    expect(levelOf(read({ srq20: answers(yes) }), code)).toBe(level)
  })

  it('item 17 "ya" refers at once whatever the total', () => {
    const found = read({ srq20: answers(0, true) })
    expect(codes(found)).toEqual(['jiwa.srq20.item17', 'jiwa.srq20.negatif'])
    expect(levelOf(found, 'jiwa.srq20.item17')).toBe('rujuk')
  })

  it('follows settings.srq20ReferAt', () => {
    const settings = { ...DEFAULT_CLINICAL_SETTINGS, srq20ReferAt: 8 }
    expect(codes(read({ srq20: answers(7) }, { settings }))).toEqual(['jiwa.srq20.negatif'])
    expect(codes(read({ srq20: answers(8) }, { settings }))).toEqual(['jiwa.srq20.positif'])
  })

  it('an incomplete form is positive once at the cut-off, otherwise asks to finish', () => {
    const partial = (yes: number) => [...Array.from({ length: yes }, () => true), null, false]
    expect(codes(read({ srq20: partial(6) }))).toEqual(['jiwa.srq20.positif'])
    expect(codes(read({ srq20: partial(5) }))).toEqual(['jiwa.srq20.belum_lengkap'])
  })
})

describe('PHQ-2 + GAD-2', () => {
  const settings = { ...DEFAULT_CLINICAL_SETTINGS, mentalHealthTool: 'phq2gad2' as const }

  it.each([
    [[1, 1], 'negatif', 'normal'],
    [[2, 1], 'positif', 'rujuk'],
    [[0, 3], 'positif', 'rujuk'],
  ] as const)('%j → %s', (items, result, level) => {
    const found = read({ phq2: [items[0], items[1]], gad2: [items[0], items[1]] }, { settings })
    expect(codes(found)).toEqual([`jiwa.phq2.${result}`, `jiwa.gad2.${result}`])
    expect(found.every((f) => f.level === level)).toBe(true)
  })

  it('ignores item scores outside 0–3', () => {
    expect(read({ phq2: [4, 0] }, { settings })).toEqual([])
  })
})

describe('KB for PUS', () => {
  it('tidak ber-KB → perhatian; a method → normal; not PUS → nothing', () => {
    expect(levelOf(read({ pus: true, kbMethod: 'tidak_ber_kb' }), 'kb.tidak_ber_kb')).toBe('perhatian')
    expect(levelOf(read({ pus: true, kbMethod: 'suntik' }), 'kb.suntik')).toBe('normal')
    expect(read({ pus: false, kbMethod: 'tidak_ber_kb' })).toEqual([])
  })
})
