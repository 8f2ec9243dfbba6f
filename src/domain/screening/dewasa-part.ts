// The dewasa part's payload (clinical-rules.md §2.4): measurements, PUMA, TBC symptoms, mental health, KB and
// smoking. Kept apart from the interpreter (dewasa.ts), as balita-part.ts is.
import type { Checklist } from './common'
import type { Smoking } from './common-part'

export const TBC_SYMPTOMS = [
  'batuk_2_minggu',
  'demam_2_minggu',
  'bb_turun',
  'keringat_malam',
  'lesu',
  'nafsu_makan_turun',
  'batuk_darah',
  'sesak',
] as const
export type TbcSymptom = (typeof TBC_SYMPTOMS)[number]

export const KB_METHODS = ['pil', 'suntik', 'kondom', 'implan', 'iud', 'mow', 'mop', 'tidak_ber_kb'] as const
/** KB method as the form records it (clinical-rules.md §2.4 [S]); 'iud' = AKDR. */
export type KbMethod = (typeof KB_METHODS)[number]

/** PUMA answers the kader asks; sex and age points come from the member. */
export interface PumaAnswers {
  /** Batang rokok per hari (current or, for ex-smokers, when smoking); absent or 0 for never-smokers. */
  cigarettesPerDay?: number
  /** Years smoked. */
  smokingYears?: number
  /** Napas pendek when walking fast on flat ground or a slight incline. */
  shortOfBreath?: boolean
  /** Dahak from the lungs or difficulty bringing it up, when not having a cold. */
  phlegm?: boolean
  /** Usually coughs when not having a cold. */
  cough?: boolean
  /** Ever asked by a doctor/nakes to do spirometry or peak flow. */
  spirometryBefore?: boolean
}

/** The dewasa part of a visit record. */
export interface DewasaScreening {
  weightKg?: number
  heightCm?: number
  waistCm?: number
  systolicMmHg?: number
  diastolicMmHg?: number
  /** Gula darah sewaktu. */
  gdsMgDl?: number
  /** Asked from 40 y. */
  puma?: PumaAnswers
  tbcSymptoms?: Checklist<TbcSymptom>
  /** Lives with or is in close contact with a TBC patient. */
  tbcHouseholdContact?: boolean
  /** SRQ-20 answers, index 0 = item 1; true = "ya", null = not answered. */
  srq20?: (boolean | null)[]
  /** PHQ-2 item scores 0–3 (kurang berminat; murung/putus asa). */
  phq2?: [number, number]
  /** GAD-2 item scores 0–3 (gugup/cemas; sulit mengendalikan khawatir). */
  gad2?: [number, number]
  /** Pasangan usia subur. */
  pus?: boolean
  kbMethod?: KbMethod
  smoking?: Smoking
}
