// The bayi, balita and anak prasekolah part's payload (0–71 months): what the kader measures and asks at the
// posyandu table or at home (Panduan Posyandu 2023 langkah 2 and 4; clinical-rules.md §1.2, §2.1). Read by balita.ts.
// Kept apart from the interpreter so that importing the payload never pulls in the WHO tables.
import type { Antigen } from '../immunization'
import type { Checklist } from './common'

export const BALITA_DANGER_SIGNS = [
  'napas_cepat',
  'batuk_grok',
  'diare',
  'tidak_kencing',
  'kulit_kuning_biru',
  'lemas',
  'tidak_mau_menyusu',
  'tidak_mau_makan',
  'demam',
  'kejang',
] as const
export type BalitaDangerSign = (typeof BALITA_DANGER_SIGNS)[number]

export interface BalitaScreening {
  weightKg?: number
  /** Panjang (lying) or tinggi (standing) badan; the position decides the 0.7 cm rule (WHO). */
  lengthCm?: number
  position?: 'lying' | 'standing'
  headCm?: number
  /** LiLA, from 6 months. */
  armCm?: number
  /** Bilateral pitting oedema: weight-based z-scores are not computed (WHO). */
  oedema?: boolean
  /** Vaccine doses given at this visit (the visit date is the dose date). */
  immunizations?: { antigen: Antigen; dose: number }[]
  /** Vitamin A capsule given at this visit. */
  vitaminA?: boolean
  obatCacing?: boolean
  /** Under 6 months: only breast milk since birth (ASI eksklusif). */
  asiEksklusif?: boolean
  /** Temperature in °C; ≥ 37.5 is fever (home-visit form). */
  temperatureC?: number
  dangerSigns?: Checklist<BalitaDangerSign>
}
