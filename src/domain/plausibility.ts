// Soft plausibility: values that are possible but so rare that a mis-typed or mis-read measurement is the likelier
// explanation. The form asks the kader to re-measure and confirm ("Ya, nilainya benar") before saving; nothing is
// refused here. Hard ranges — values no person can have — are refused by the schemas (src/protocol/visit-parts.ts).
//
// Children: WHO's own implausible-value flags on the z-scores (clinical-rules.md §6.7, as anthro and
// anthroplus set them): weight-for-age z < −6 or > +5, length/height-for-age |z| > 6, weight-for-length/height,
// BMI-for-age, head and arm circumference |z| > 5. Adults have no such standard: their bounds are project choices,
// set where a value is a real but exceptional finding (each cited below).
//
// Pure. Imports the WHO tables (growth/zscore): the visit form that uses this is a lazily loaded screen.
import { ageOn } from './age'
import { daysBetween, isIsoDate } from './dates'
import { type Indicator, type ZScoreInput, zScore } from './growth/zscore'
import type { BalitaScreening } from './screening/balita'
import type { ScreeningPart, ScreeningPayloads } from './screening/index'
import type { LansiaScreening } from './screening/lansia-part'
import type { Bilingual } from './text'

export interface Extreme {
  /** Path inside the part's payload: 'weightKg', 'puma.cigarettesPerDay', 'skilas.lilaCm'. */
  field: string
  /** What is unusual: the WHO indicator ('wfa', 'lhfa', …), 'high', 'low', 'imt', 'pulsePressure', … */
  code: string
  /** What the kader is asked to check. */
  message: Bilingual
}

export type PartPayloads = ScreeningPayloads & { balita: BalitaScreening }

export interface PlausibilityMember {
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: 'L' | 'P'
  /** 'YYYY-MM-DD'; lets the TTD total be compared with the days of pregnancy. */
  hpht?: string
}

/** A soft bound: below `low` or at/above `high` needs a confirmation. */
interface Soft {
  low?: number
  high?: number
  unit: string
}

// Adults (and the BP, glucose and Hb of remaja and ibu hamil) — project choices:
const ADULT = {
  // < 30 kg is cachexia-level for an adult; > 150 kg is class-III obesity seen in < 0.5 % of adults.
  weightKg: { low: 30, high: 150, unit: 'kg' },
  // < 130 cm or > 200 cm: outside ±4 SD of Indonesian adult height.
  heightCm: { low: 130, high: 200, unit: 'cm' },
  // < 50 cm only in severe wasting; > 160 cm only in extreme obesity.
  waistCm: { low: 50, high: 160, unit: 'cm' },
  // ≥ 220/130 is a hypertensive crisis; < 80/40 is shock — both real, both worth a second reading.
  systolicMmHg: { low: 80, high: 220, unit: 'mmHg' },
  diastolicMmHg: { low: 40, high: 130, unit: 'mmHg' },
  // GDS ≥ 500 mg/dL: hyperglycaemic crisis; < 50: hypoglycaemia — most glucometers read "HI" above 600.
  gdsMgDl: { low: 50, high: 500, unit: 'mg/dL' },
  // Hb < 5 g/dL: life-threatening anaemia; > 18 g/dL: polycythaemia — both rare at a posyandu.
  hbGdl: { low: 5, high: 18, unit: 'g/dL' },
  // LiLA of an adult < 16 cm (severe wasting) or > 45 cm (extreme obesity).
  lilaCm: { low: 16, high: 45, unit: 'cm' },
  // Chair stand 5×: < 4 s is faster than healthy young adults; > 60 s usually means "could not" (tick that box).
  chairStandSeconds: { low: 4, high: 60, unit: 's' },
  // > 60 cigarettes a day (3 packs) is exceptional.
  cigarettesPerDay: { high: 60, unit: '' },
} satisfies Record<string, Soft>
// BMI < 12 is near the limit of survival; > 60 exceptional — project choice, shown at the weight.
const IMT = { low: 12, high: 60 }
// Systolic minus diastolic < 20 mmHg is far more often a mis-read than a real narrow pulse pressure — project choice.
const MIN_PULSE_PRESSURE = 20
// Body temperature < 35 °C (hypothermia) or ≥ 41 °C (hyperpyrexia) — project choice: real, but re-measure first.
const TEMPERATURE = { low: 35, high: 41, unit: '°C' }
// Smoking from before 10 years of age is exceptional — project choice.
const SMOKING_FROM_AGE = 10
// TTD 1 tablet a day (Kemenkes, clinical-rules.md §2.2): more tablets than days since the HPHT plus a week of slack needs
// a confirmation; without an HPHT, more than 300 — project choice.
const TTD_SLACK_DAYS = 7
const TTD_MAX_WITHOUT_HPHT = 300

// WHO implausible-value flags (clinical-rules.md §6.7): per indicator, the z beyond which a value is flagged.
const WHO_FLAG: Record<Indicator, (z: number) => boolean> = {
  wfa: (z) => z < -6 || z > 5,
  lhfa: (z) => Math.abs(z) > 6,
  wflh: (z) => Math.abs(z) > 5,
  bfa: (z) => Math.abs(z) > 5,
  hcfa: (z) => Math.abs(z) > 5,
  acfa: (z) => Math.abs(z) > 5,
}

/** The extreme values of one part's payload, in field order; the same field may appear more than once. */
export function extremeValues<P extends ScreeningPart>(
  part: P,
  payload: PartPayloads[P],
  member: PlausibilityMember,
  visitDate: string,
): Extreme[] {
  if (!isDate(member.birthDate) || !isDate(visitDate) || visitDate < member.birthDate) return []
  switch (part) {
    case 'balita':
      return balita(payload as BalitaScreening, member, visitDate)
    case 'remaja':
      return remaja(payload as PartPayloads['remaja'], member, visitDate)
    case 'dewasa':
    case 'lansia':
      return adult(payload as LansiaScreening, ageOn(member.birthDate, visitDate).years)
    case 'ibu_hamil': {
      const s = payload as PartPayloads['ibu_hamil']
      return [
        ...soft('lilaCm', s.lilaCm, ADULT.lilaCm),
        ...bloodPressure(s.systolicMmHg, s.diastolicMmHg),
        ...soft('hbGdl', s.hbGdl, ADULT.hbGdl),
        ...ttd(s.ttdTabletsTotal, member.hpht, visitDate),
      ]
    }
    default:
      // neonatus, nifas: no measurements.
      return []
  }
}

function balita(s: BalitaScreening, member: PlausibilityMember, visitDate: string): Extreme[] {
  const base: Omit<ZScoreInput, 'indicator'> = {
    sex: member.sex,
    ageDays: daysBetween(member.birthDate, visitDate),
    weightKg: s.weightKg,
    lengthCm: s.lengthCm,
    position: s.position,
    headCm: s.headCm,
    armCm: s.armCm,
    oedema: s.oedema,
  }
  const flag = (field: string, indicator: Indicator, present: boolean): Extreme[] => {
    if (!present) return []
    const r = zScore({ ...base, indicator })
    return r.ok && WHO_FLAG[indicator](r.z) ? [whoFlag(field, indicator, r.z)] : []
  }
  const weight = s.weightKg !== undefined
  const length = s.lengthCm !== undefined
  return [
    ...flag('weightKg', 'wfa', weight),
    ...flag('weightKg', 'wflh', weight && length),
    ...flag('lengthCm', 'lhfa', length),
    ...flag('headCm', 'hcfa', s.headCm !== undefined),
    ...flag('armCm', 'acfa', s.armCm !== undefined),
    ...soft('temperatureC', s.temperatureC, TEMPERATURE),
  ]
}

function remaja(s: PartPayloads['remaja'], member: PlausibilityMember, visitDate: string): Extreme[] {
  const base = {
    sex: member.sex,
    ageDays: daysBetween(member.birthDate, visitDate),
    weightKg: s.weightKg,
    lengthCm: s.heightCm,
    position: 'standing' as const,
  }
  // From the measurements when they were recorded (WHO 2007 wfa to 10 y, bfa and hfa to 19 y); else from the stored
  // z-scores.
  const fromMeasures = (field: string, indicator: Indicator): Extreme[] => {
    const r = zScore({ ...base, indicator })
    return r.ok && WHO_FLAG[indicator](r.z) ? [whoFlag(field, indicator, r.z)] : []
  }
  const weight = s.weightKg !== undefined
  const height = s.heightCm !== undefined
  return [
    ...(weight ? fromMeasures('weightKg', 'wfa') : []),
    ...(weight && height ? fromMeasures('weightKg', 'bfa') : whoZ('bfaZ', 'bfa', s.bfaZ)),
    ...(height ? fromMeasures('heightCm', 'lhfa') : whoZ('hfaZ', 'lhfa', s.hfaZ)),
    ...bloodPressure(s.systolicMmHg, s.diastolicMmHg),
    ...soft('hbGdl', s.hbGdl, ADULT.hbGdl),
    ...soft('gdsMgDl', s.gdsMgDl, ADULT.gdsMgDl),
  ]
}

function adult(s: LansiaScreening, ageYears: number): Extreme[] {
  const found = [
    ...soft('weightKg', s.weightKg, ADULT.weightKg),
    ...imt(s.weightKg, s.heightCm),
    ...soft('heightCm', s.heightCm, ADULT.heightCm),
    ...soft('waistCm', s.waistCm, ADULT.waistCm),
    ...bloodPressure(s.systolicMmHg, s.diastolicMmHg),
    ...soft('gdsMgDl', s.gdsMgDl, ADULT.gdsMgDl),
    ...soft('puma.cigarettesPerDay', s.puma?.cigarettesPerDay, ADULT.cigarettesPerDay),
  ]
  const years = s.puma?.smokingYears
  if (years !== undefined && years > ageYears - SMOKING_FROM_AGE) {
    found.push({
      field: 'puma.smokingYears',
      code: 'smokingYears',
      message: {
        id: `Lama merokok lebih panjang dari umur ${ageYears} tahun dikurangi 10. Tanyakan lagi.`,
        en: `Years of smoking exceed the age of ${ageYears} minus 10. Ask again.`,
      },
    })
  }
  found.push(...soft('skilas.chairStandSeconds', s.skilas?.chairStandSeconds, ADULT.chairStandSeconds))
  found.push(...soft('skilas.lilaCm', s.skilas?.lilaCm, ADULT.lilaCm))
  return found
}

function bloodPressure(sys: number | undefined, dia: number | undefined): Extreme[] {
  const found = [
    ...soft('systolicMmHg', sys, ADULT.systolicMmHg),
    ...soft('diastolicMmHg', dia, ADULT.diastolicMmHg),
  ]
  // Only when the order is right: a diastolic ≥ systolic is a hard error of the schema.
  if (sys !== undefined && dia !== undefined && dia < sys && sys - dia < MIN_PULSE_PRESSURE) {
    found.push({
      field: 'diastolicMmHg',
      code: 'pulsePressure',
      message: {
        id: `Tekanan darah ${sys}/${dia}: angka atas dan bawah terlalu dekat. Ukur ulang.`,
        en: `Blood pressure ${sys}/${dia}: the upper and lower numbers are too close. Measure again.`,
      },
    })
  }
  return found
}

function imt(weightKg: number | undefined, heightCm: number | undefined): Extreme[] {
  if (weightKg === undefined || heightCm === undefined || heightCm <= 0) return []
  const value = weightKg / (heightCm / 100) ** 2
  if (value >= IMT.low && value <= IMT.high) return []
  const shown = decimal(value.toFixed(1))
  return [
    {
      field: 'weightKg',
      code: 'imt',
      message: {
        id: `IMT ${shown.id} sangat tidak biasa. Periksa lagi berat dan tinggi badan.`,
        en: `A BMI of ${shown.en} is very unusual. Check weight and height.`,
      },
    },
  ]
}

function ttd(total: number | undefined, hpht: string | undefined, visitDate: string): Extreme[] {
  if (total === undefined) return []
  const days = hpht && isDate(hpht) && hpht <= visitDate ? daysBetween(hpht, visitDate) : undefined
  if (days === undefined) {
    return total > TTD_MAX_WITHOUT_HPHT
      ? [
          {
            field: 'ttdTabletsTotal',
            code: 'ttdHigh',
            message: {
              id: `${total} tablet TTD sangat banyak. Tanyakan lagi.`,
              en: `${total} iron tablets is very many. Ask again.`,
            },
          },
        ]
      : []
  }
  return total > days + TTD_SLACK_DAYS
    ? [
        {
          field: 'ttdTabletsTotal',
          code: 'ttdDays',
          message: {
            id: `${total} tablet TTD, padahal baru ${days} hari sejak HPHT. Tanyakan lagi.`,
            en: `${total} iron tablets, but only ${days} ${days === 1 ? 'day' : 'days'} since the last period. Ask again.`,
          },
        },
      ]
    : []
}

function whoZ(field: string, indicator: Indicator, z: number | undefined): Extreme[] {
  return z !== undefined && WHO_FLAG[indicator](z) ? [whoFlag(field, indicator, z)] : []
}

function soft(field: string, value: number | undefined, bound: Soft): Extreme[] {
  if (value === undefined || !Number.isFinite(value)) return []
  const shown = decimal(`${value}${bound.unit ? ` ${bound.unit}` : ''}`)
  if (bound.low !== undefined && value < bound.low) {
    const message = {
      id: `${shown.id} sangat rendah. Ukur ulang untuk memastikan.`,
      en: `${shown.en} is very low. Measure again to be sure.`,
    }
    return [{ field, code: 'low', message }]
  }
  if (bound.high !== undefined && value >= bound.high) {
    const message = {
      id: `${shown.id} sangat tinggi. Ukur ulang untuk memastikan.`,
      en: `${shown.en} is very high. Measure again to be sure.`,
    }
    return [{ field, code: 'high', message }]
  }
  return []
}

/** What each WHO flag asks, with the z-score read (clinical-rules.md §6.7). */
const WHO_FLAG_TEXT: Record<Indicator, (z: Bilingual) => Bilingual> = {
  wfa: (z) => ({
    id: `Berat ini sangat jauh dari biasa untuk umurnya (BB/U ${z.id} SD). Timbang ulang.`,
    en: `This weight is far from usual for the age (weight-for-age ${z.en} SD). Weigh again.`,
  }),
  lhfa: (z) => ({
    id: `Panjang/tinggi ini sangat jauh dari biasa untuk umurnya (TB/U ${z.id} SD). Ukur ulang.`,
    en: `This length/height is far from usual for the age (height-for-age ${z.en} SD). Measure again.`,
  }),
  wflh: (z) => ({
    id: `Berat dan panjang/tinggi badan tidak cocok (BB/TB ${z.id} SD). Periksa lagi keduanya.`,
    en: `Weight and length/height do not match (weight-for-height ${z.en} SD). Check both.`,
  }),
  bfa: (z) => ({
    id: `Berat dan tinggi badan tidak cocok untuk umurnya (IMT/U ${z.id} SD). Periksa lagi keduanya.`,
    en: `Weight and height do not match for the age (BMI-for-age ${z.en} SD). Check both.`,
  }),
  hcfa: (z) => ({
    id: `Lingkar kepala ini sangat jauh dari biasa (LK/U ${z.id} SD). Ukur ulang.`,
    en: `This head circumference is far from usual (HC-for-age ${z.en} SD). Measure again.`,
  }),
  acfa: (z) => ({
    id: `LiLA ini sangat jauh dari biasa (LiLA/U ${z.id} SD). Ukur ulang.`,
    en: `This MUAC is far from usual (MUAC-for-age ${z.en} SD). Measure again.`,
  }),
}

function whoFlag(field: string, indicator: Indicator, z: number): Extreme {
  const text = decimal(`${z > 0 ? '+' : ''}${z.toFixed(2)}`)
  return { field, code: indicator, message: WHO_FLAG_TEXT[indicator](text) }
}

/** A number as each language writes it: a decimal comma in Bahasa Indonesia ("12,5"). */
function decimal(text: string): Bilingual {
  return { id: text.replace('.', ','), en: text }
}

function isDate(s: string | undefined): s is string {
  return typeof s === 'string' && isIsoDate(s)
}
