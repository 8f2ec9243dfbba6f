// Usia dewasa (19–59 y, incl. PUS/WUS): IMT, lingkar perut, blood pressure, gula darah sewaktu, PUMA (PPOK), TBC
// symptoms, mental health (SRQ-20 or PHQ-2 + GAD-2, mental-health.ts), KB for PUS and smoking. lansia.ts reuses all
// of it.

import { ageOn } from '../age'
import type { ClinicalSettings } from '../clinical-settings'
import type { Finding, FindingLevel } from '../findings'
import { pregnancy } from '../lifecycle'
import { sayNumber } from '../say'
import type { Bilingual } from '../text'
import { adultBloodPressure, finding, randomGlucose, type ScreeningContext, smokingFindings } from './common'
import type { DewasaScreening, KbMethod, PumaAnswers, TbcSymptom } from './dewasa-part'
import { mentalHealthFindings } from './mental-health'

const SRC_IMT = 'Kemenkes PGS 2014 / Permenkes 41/2014 (clinical-rules.md §2.4)'
const SRC_WAIST = 'Kemenkes P2PTM (clinical-rules.md §2.4)'
const SRC_PUMA = 'PUMA, form Kemenkes; López Varela 2016 (clinical-rules.md §2.4)'
const SRC_TBC = 'Kartu Bantu dewasa; form ILP (clinical-rules.md §2.4)'
const SRC_KB = 'Form ILP (clinical-rules.md §2.4)'

export function interpretDewasa(s: DewasaScreening, ctx: ScreeningContext): Finding[] {
  const age = ageOn(ctx.birthDate, ctx.today).years
  // Weight and waist say nothing about adiposity in pregnancy; the ibu hamil part covers her (LiLA).
  const pregnant = ctx.hpht !== undefined && pregnancy(ctx.hpht, ctx.today, ctx.deliveryDate) !== undefined
  const all = !ctx.problemsOnly
  return [
    ...(pregnant ? [] : imtFindings(s.weightKg, s.heightCm)),
    ...(pregnant || !all ? [] : waist(s.waistCm, ctx.sex)),
    ...adultBloodPressure('td', s.systolicMmHg, s.diastolicMmHg),
    ...randomGlucose('gds', s.gdsMgDl),
    ...pumaFindings(s.puma, ctx.sex, age, ctx.settings),
    ...tbc(s.tbcSymptoms, s.tbcHouseholdContact),
    ...mentalHealthFindings(s, ctx.settings),
    ...(all ? kb(s.pus, s.kbMethod) : []),
    ...(all ? smokingFindings('merokok', s.smoking) : []),
  ]
}

/** IMT (kg/m²) to one decimal, as the Kartu Bantu records it; the category is read on this rounded value. */
export function imt(weightKg: number, heightCm: number): number {
  const m = heightCm / 100
  return Math.round((weightKg / (m * m)) * 10) / 10
}

export type ImtCategory = 'sangat_kurus' | 'kurus' | 'normal' | 'gemuk' | 'obesitas'

export function imtCategory(imtValue: number): ImtCategory {
  // Kemenkes/PGS 2014 (Permenkes 41/2014) (clinical-rules.md §2.4) [V]: sangat kurus < 17.0; kurus 17.0–< 18.5;
  // normal 18.5–25.0; gemuk > 25.0–27.0; obesitas > 27.0. The Asia-Pacific cut-offs (23/25) are not used (§2.4).
  if (imtValue < 17) return 'sangat_kurus'
  if (imtValue < 18.5) return 'kurus'
  if (imtValue <= 25) return 'normal'
  if (imtValue <= 27) return 'gemuk'
  return 'obesitas'
}

// Levels are a project choice [K]: severe thinness can be TBC or malnutrition and goes to the puskesmas.
const IMT: Record<ImtCategory, { level: FindingLevel; label: Bilingual }> = {
  sangat_kurus: { level: 'rujuk', label: { id: 'sangat kurus', en: 'severely underweight' } },
  kurus: { level: 'perhatian', label: { id: 'kurus', en: 'underweight' } },
  normal: { level: 'normal', label: { id: 'normal', en: 'normal' } },
  gemuk: { level: 'perhatian', label: { id: 'gemuk', en: 'overweight' } },
  obesitas: { level: 'perhatian', label: { id: 'obesitas', en: 'obese' } },
}

function imtFindings(weightKg: number | undefined, heightCm: number | undefined): Finding[] {
  if (weightKg === undefined || heightCm === undefined || heightCm <= 0) return []
  const value = imt(weightKg, heightCm)
  const category = imtCategory(value)
  const { level, label } = IMT[category]
  return [
    finding(
      `imt.${category}`,
      level,
      {
        id: `IMT ${value.toFixed(1).replace('.', ',')}: ${label.id}`,
        en: `BMI ${value.toFixed(1)}: ${label.en}`,
      },
      SRC_IMT,
    ),
  ]
}

// Obesitas sentral: lingkar perut > 90 cm (L), > 80 cm (P) — Kemenkes P2PTM (clinical-rules.md §2.4) [K; S]
export const WAIST_CENTRAL_OBESITY_CM = { L: 90, P: 80 } as const

function waist(waistCm: number | undefined, sex: 'L' | 'P'): Finding[] {
  if (waistCm === undefined) return []
  const limit = WAIST_CENTRAL_OBESITY_CM[sex]
  if (waistCm > limit) {
    return [
      finding(
        'lingkar_perut.obesitas_sentral',
        'perhatian',
        {
          id: `Lingkar perut ${sayNumber(waistCm).id} cm (> ${limit}): obesitas sentral — KIE gizi & aktivitas fisik`,
          en: `Waist ${waistCm} cm (> ${limit}): central obesity — diet and activity counselling`,
        },
        SRC_WAIST,
      ),
    ]
  }
  return [
    finding(
      'lingkar_perut.normal',
      'normal',
      {
        id: `Lingkar perut ${sayNumber(waistCm).id} cm (≤ ${limit})`,
        en: `Waist ${waistCm} cm (≤ ${limit})`,
      },
      SRC_WAIST,
    ),
  ]
}

// PUMA is for people aged ≥ 40 (CKG: PPOK from 40 y) (clinical-rules.md §2.4) [S]
export const PUMA_FROM_AGE = 40

export interface PumaScore {
  items: {
    sex: number
    age: number
    packYears: number
    shortOfBreath: number
    phlegm: number
    cough: number
    spirometryBefore: number
  }
  total: number
}

/**
 * PUMA points (clinical-rules.md §2.4, Kemenkes-style form [V]). undefined under 40 or while a yes/no item is
 * unanswered; missing cigarettes or years count as a never-smoker (0 pack-years).
 */
export function pumaScore(a: PumaAnswers, sex: 'L' | 'P', ageYears: number): PumaScore | undefined {
  if (ageYears < PUMA_FROM_AGE) return undefined
  const { shortOfBreath, phlegm, cough, spirometryBefore } = a
  if (
    shortOfBreath === undefined ||
    phlegm === undefined ||
    cough === undefined ||
    spirometryBefore === undefined
  ) {
    return undefined
  }
  const packYears = ((a.cigarettesPerDay ?? 0) * (a.smokingYears ?? 0)) / 20
  const items = {
    sex: sex === 'L' ? 1 : 0, // perempuan 0, laki-laki 1
    age: ageYears >= 60 ? 2 : ageYears >= 50 ? 1 : 0, // 40–49 → 0; 50–59 → 1; ≥ 60 → 2
    packYears: packYears > 30 ? 2 : packYears >= 20 ? 1 : 0, // < 20 → 0; 20–30 → 1; > 30 → 2
    shortOfBreath: shortOfBreath ? 1 : 0,
    phlegm: phlegm ? 1 : 0,
    cough: cough ? 1 : 0,
    spirometryBefore: spirometryBefore ? 1 : 0,
  }
  return { items, total: Object.values(items).reduce((sum, n) => sum + n, 0) }
}

function pumaFindings(
  a: PumaAnswers | undefined,
  sex: 'L' | 'P',
  ageYears: number,
  settings: Pick<ClinicalSettings, 'pumaReferAt'>,
): Finding[] {
  const score = a ? pumaScore(a, sex, ageYears) : undefined
  if (!score) return []
  // Score ≥ settings.pumaReferAt → rujuk spirometri; the cut-off is disputed (≥ 5 original, "> 7" Kemenkes form)
  // — clinical-settings.ts (clinical-rules.md §2.4) [V, K]
  if (score.total >= settings.pumaReferAt) {
    return [
      finding(
        'puma.risiko_ppok',
        'rujuk',
        {
          id: `Skor PUMA ${score.total} (≥ ${settings.pumaReferAt}): risiko PPOK — rujuk untuk spirometri`,
          en: `PUMA score ${score.total} (≥ ${settings.pumaReferAt}): COPD risk — refer for spirometry`,
        },
        SRC_PUMA,
      ),
    ]
  }
  return [
    finding(
      'puma.edukasi',
      'normal',
      {
        id: `Skor PUMA ${score.total} (< ${settings.pumaReferAt}): edukasi`,
        en: `PUMA score ${score.total} (< ${settings.pumaReferAt}): education`,
      },
      SRC_PUMA,
    ),
  ]
}

// ≥ 2 symptoms = terduga TBC → rujuk: Kartu Bantu "GEJALA TB (2 GEJALA YA/TIDAK)" (clinical-rules.md §2.4) [S]
export const TBC_SYMPTOMS_FOR_TERDUGA = 2
// A household/close contact with any one symptom is terduga: cutoffs.csv "≥ 2 symptoms … or household contact →
// terduga TBC" [S], and the contact investigation's own task says "refer if any" (clinical-rules.md §2.4) [K].
export const TBC_SYMPTOMS_FOR_TERDUGA_CONTACT = 1
// Batuk darah alone → rujuk: blood in the sputum is never normal and needs a sputum test and a doctor whatever
// else is present (clinical-rules.md §2.4) [K].
const TBC_ALONE_REFERS: readonly TbcSymptom[] = ['batuk_darah']

const TBC_LABELS: Record<TbcSymptom, Bilingual> = {
  batuk_2_minggu: { id: 'batuk ≥ 2 minggu', en: 'cough ≥ 2 weeks' },
  demam_2_minggu: { id: 'demam ≥ 2 minggu', en: 'fever ≥ 2 weeks' },
  bb_turun: { id: 'berat badan turun', en: 'weight loss' },
  keringat_malam: { id: 'keringat malam tanpa aktivitas', en: 'night sweats' },
  lesu: { id: 'lesu/malaise', en: 'malaise' },
  nafsu_makan_turun: { id: 'nafsu makan turun', en: 'loss of appetite' },
  batuk_darah: { id: 'batuk darah', en: 'coughing blood' },
  sesak: { id: 'sesak napas', en: 'shortness of breath' },
}

/** Why a person with these symptoms is terduga TBC, or undefined when they are not. */
function terdugaBecause(present: readonly TbcSymptom[], contact: boolean): Bilingual | undefined {
  if (present.length >= TBC_SYMPTOMS_FOR_TERDUGA) {
    return { id: `${present.length} gejala`, en: `${present.length} symptoms` }
  }
  if (contact && present.length >= TBC_SYMPTOMS_FOR_TERDUGA_CONTACT) {
    return { id: 'kontak serumah dengan gejala', en: 'household contact with a symptom' }
  }
  if (present.some((x) => TBC_ALONE_REFERS.includes(x))) return { id: 'batuk darah', en: 'coughing blood' }
  return undefined
}

function tbc(symptoms: readonly TbcSymptom[] | undefined, householdContact: boolean | undefined): Finding[] {
  const findings: Finding[] = []
  if (symptoms) {
    const present = [...new Set(symptoms)]
    const list = {
      id: present.map((x) => TBC_LABELS[x].id).join(', '),
      en: present.map((x) => TBC_LABELS[x].en).join(', '),
    }
    const because = terdugaBecause(present, householdContact === true)
    findings.push(
      because
        ? finding(
            'tbc.terduga',
            'rujuk',
            {
              id: `Terduga TBC (${because.id}: ${list.id}) — rujuk untuk pemeriksaan dahak`,
              en: `Presumptive TB (${because.en}: ${list.en}) — refer for sputum testing`,
            },
            SRC_TBC,
          )
        : finding(
            'tbc.bukan_terduga',
            'normal',
            present.length === 0
              ? { id: 'Tidak ada gejala TBC', en: 'No TB symptoms' }
              : {
                  id: `1 gejala TBC (${list.id}) — belum terduga`,
                  en: `1 TB symptom (${list.en}) — not presumptive`,
                },
            SRC_TBC,
          ),
    )
  }
  // Household/close contact of a TBC patient → flag for contact investigation (clinical-rules.md §2.4, §3.1) [S]
  if (householdContact) {
    findings.push(
      finding(
        'tbc.kontak_serumah',
        'perhatian',
        {
          id: 'Kontak serumah/erat pasien TBC — perlu investigasi kontak oleh nakes',
          en: 'Household/close contact of a TB patient — needs contact investigation by a health worker',
        },
        SRC_TBC,
      ),
    )
  }
  return findings
}

const KB_LABELS: Record<KbMethod, string> = {
  pil: 'pil',
  suntik: 'suntik',
  kondom: 'kondom',
  implan: 'implan',
  iud: 'IUD/AKDR',
  mow: 'MOW',
  mop: 'MOP',
  tidak_ber_kb: 'tidak ber-KB',
}

function kb(pus: boolean | undefined, method: KbMethod | undefined): Finding[] {
  if (method === undefined || pus === false) return []
  // PUS not using contraception → KIE KB (clinical-rules.md §2.4 form; PWS "KB aktif among PUS" §3.2) [S]
  if (method === 'tidak_ber_kb') {
    return [
      finding(
        'kb.tidak_ber_kb',
        'perhatian',
        {
          id: 'PUS tidak ber-KB — KIE KB',
          en: 'Couple of reproductive age not using contraception — counsel on KB',
        },
        SRC_KB,
      ),
    ]
  }
  return [
    finding(
      `kb.${method}`,
      'normal',
      { id: `KB: ${KB_LABELS[method]}`, en: `Contraception: ${KB_LABELS[method]}` },
      SRC_KB,
    ),
  ]
}
