// Usia sekolah & remaja (6–18 y): IMT/U and TB/U categories from the growth engine's z-scores, blood pressure from
// 15 y, anaemia by Hb, TTD remaja putri, blood glucose and smoking.

import { ageOn } from '../age'
import type { Finding, FindingLevel } from '../findings'
import { pregnancy } from '../lifecycle'
import { sayNumber } from '../say'
import type { Bilingual } from '../text'
import {
  adultBloodPressure,
  bpText,
  finding,
  randomGlucose,
  type ScreeningContext,
  smokingFindings,
} from './common'
import type { Smoking } from './common-part'

/** The usia sekolah & remaja part of a visit record. */
export interface RemajaScreening {
  /** BB in kg. With heightCm, visit-findings.ts computes bfaZ and hfaZ with the growth engine (WHO 2007). */
  weightKg?: number
  /** TB (standing height) in cm. */
  heightCm?: number
  /** IMT/U (BMI-for-age) z-score, WHO 2007, computed by the growth engine from the visit's BB and TB. */
  bfaZ?: number
  /** TB/U (height-for-age) z-score, WHO 2007, computed by the growth engine. */
  hfaZ?: number
  systolicMmHg?: number
  diastolicMmHg?: number
  hbGdl?: number
  /** Gula darah sewaktu, from 15 y ("PTM ≥ 15"). */
  gdsMgDl?: number
  /** Remaja putri: "TTD tersedia". */
  ttdAvailable?: boolean
  /** Remaja putri: "TTD diminum minggu ini". */
  ttdTakenThisWeek?: boolean
  smoking?: Smoking
}

const SRC_PMK2 = 'Permenkes 2/2020 (clinical-rules.md §2.1)'
const SRC_BP = 'AAP 2017; form ILP "PTM ≥ 15" (clinical-rules.md §2.3)'
const SRC_HB = 'WHO 2011 (clinical-rules.md §2.3)'
const SRC_TTD = 'Kemenkes; form ILP (clinical-rules.md §2.3)'

export type BfaCategory5to18 = 'gizi_buruk' | 'gizi_kurang' | 'gizi_baik' | 'gizi_lebih' | 'obesitas'

/** IMT/U 5–18 y. Boundaries belong to the milder class: −3.00 gizi kurang, −2.00 and +1.00 gizi baik, +2.00 gizi lebih. */
export function bfaCategory5to18(z: number): BfaCategory5to18 {
  // IMT/U 5–18 y: < −3 gizi buruk; −3..< −2 gizi kurang; −2..+1 gizi baik; > +1..+2 gizi lebih; > +2 obesitas —
  // Permenkes 2/2020 (clinical-rules.md §2.1) [K]
  if (z < -3) return 'gizi_buruk'
  if (z < -2) return 'gizi_kurang'
  if (z <= 1) return 'gizi_baik'
  if (z <= 2) return 'gizi_lebih'
  return 'obesitas'
}

export type HfaCategory = 'sangat_pendek' | 'pendek' | 'normal' | 'tinggi'

/** TB/U, as PB/U 0–60 mo. −3.00 is pendek, −2.00 and +3.00 are normal. */
export function hfaCategory(z: number): HfaCategory {
  // TB/U: < −3 sangat pendek; −3..< −2 pendek; −2..+3 normal; > +3 tinggi — Permenkes 2/2020 (clinical-rules.md §2.1)
  // [S for 0–60 mo; K for 5–18 y]
  if (z < -3) return 'sangat_pendek'
  if (z < -2) return 'pendek'
  if (z <= 3) return 'normal'
  return 'tinggi'
}

// Levels are a project choice [K]: the severe classes go to the puskesmas, the moderate ones are counselled.
const BFA: Record<BfaCategory5to18, { level: FindingLevel; label: Bilingual }> = {
  gizi_buruk: { level: 'rujuk', label: { id: 'gizi buruk', en: 'severe thinness' } },
  gizi_kurang: { level: 'perhatian', label: { id: 'gizi kurang', en: 'thinness' } },
  gizi_baik: { level: 'normal', label: { id: 'gizi baik', en: 'normal' } },
  gizi_lebih: { level: 'perhatian', label: { id: 'gizi lebih', en: 'overweight' } },
  obesitas: { level: 'rujuk', label: { id: 'obesitas', en: 'obesity' } },
}
const HFA: Record<HfaCategory, { level: FindingLevel; label: Bilingual }> = {
  sangat_pendek: { level: 'rujuk', label: { id: 'sangat pendek', en: 'severely stunted' } },
  pendek: { level: 'perhatian', label: { id: 'pendek', en: 'stunted' } },
  normal: { level: 'normal', label: { id: 'normal', en: 'normal' } },
  tinggi: { level: 'perhatian', label: { id: 'tinggi', en: 'tall' } },
}

export function interpretRemaja(s: RemajaScreening, ctx: ScreeningContext): Finding[] {
  const age = ageOn(ctx.birthDate, ctx.today).years
  const pregnant = ctx.hpht !== undefined && pregnancy(ctx.hpht, ctx.today, ctx.deliveryDate) !== undefined
  return [
    ...zFindings(s),
    ...bloodPressure(s, age),
    // In pregnancy the ibu hamil part reads Hb with its own cut-off.
    ...(pregnant ? [] : anaemia(s.hbGdl, age, ctx.sex)),
    ...randomGlucose('gds', s.gdsMgDl),
    ...(ctx.problemsOnly ? [] : ttdPutri(s, age, ctx.sex)),
    ...(ctx.problemsOnly ? [] : smokingFindings('merokok', s.smoking)),
  ]
}

function zFindings(s: RemajaScreening): Finding[] {
  const findings: Finding[] = []
  if (s.bfaZ !== undefined) {
    const category = bfaCategory5to18(s.bfaZ)
    const { level, label } = BFA[category]
    findings.push(
      finding(
        `imtu.${category}`,
        level,
        { id: `IMT/U ${fmtZ(s.bfaZ)}: ${label.id}`, en: `BMI-for-age ${fmtZ(s.bfaZ)}: ${label.en}` },
        SRC_PMK2,
      ),
    )
  }
  if (s.hfaZ !== undefined) {
    const category = hfaCategory(s.hfaZ)
    const { level, label } = HFA[category]
    findings.push(
      finding(
        `tbu.${category}`,
        level,
        { id: `TB/U ${fmtZ(s.hfaZ)}: ${label.id}`, en: `Height-for-age ${fmtZ(s.hfaZ)}: ${label.en}` },
        SRC_PMK2,
      ),
    )
  }
  return findings
}

function fmtZ(z: number): string {
  return `${z > 0 ? '+' : ''}${z.toFixed(2)} SD`
}

// Blood pressure is part of the screen from 15 y (form "PTM ≥ 15", clinical-rules.md §2.3) [S].
const BP_FROM_AGE = 15
// Adult cut-offs from 18 y; below, adult labels do not apply (clinical-rules.md §2.3) [K].
const ADULT_BP_FROM_AGE = 18
// 15–17 y: ≥ 130/80 flagged and referred, never labelled "hipertensi"; 120–129/< 80 elevated — AAP 2017 for ≥ 13 y
// (clinical-rules.md §2.3) [K]
const TEEN_BP = { referSystolic: 130, referDiastolic: 80, elevatedSystolic: 120 }

function bloodPressure(s: RemajaScreening, ageYears: number): Finding[] {
  const { systolicMmHg: sys, diastolicMmHg: dia } = s
  if ((sys === undefined && dia === undefined) || ageYears < BP_FROM_AGE) return []
  if (ageYears >= ADULT_BP_FROM_AGE) return adultBloodPressure('td', sys, dia)
  const reading = bpText(sys, dia)
  if ((sys ?? 0) >= TEEN_BP.referSystolic || (dia ?? 0) >= TEEN_BP.referDiastolic) {
    return [
      finding(
        'td.tinggi_untuk_usia',
        'rujuk',
        {
          id: `Tekanan darah ${reading} tinggi untuk usianya — rujuk untuk pemeriksaan nakes`,
          en: `Blood pressure ${reading} is high for age — refer for assessment by a health worker`,
        },
        SRC_BP,
      ),
    ]
  }
  if ((sys ?? 0) >= TEEN_BP.elevatedSystolic) {
    return [
      finding(
        'td.meningkat',
        'perhatian',
        {
          id: `Tekanan darah ${reading} agak tinggi — KIE gaya hidup, ukur ulang`,
          en: `Blood pressure ${reading} elevated — lifestyle counselling, re-measure`,
        },
        SRC_BP,
      ),
    ]
  }
  return [
    finding(
      'td.normal',
      'normal',
      { id: `Tekanan darah ${reading}: normal`, en: `Blood pressure ${reading}: normal` },
      SRC_BP,
    ),
  ]
}

/** The Hb below which a non-pregnant child or adolescent is anaemic, by completed years and sex. */
export function hbAnaemiaCutoff(ageYears: number, sex: 'L' | 'P'): number {
  // WHO 2011 (clinical-rules.md §2.3) [S, K]: 5–11 y < 11.5; 12–14 y < 12.0; ≥ 15 y girls < 12.0, boys < 13.0
  if (ageYears < 12) return 11.5
  if (ageYears < 15) return 12
  return sex === 'P' ? 12 : 13
}

function anaemia(hbGdl: number | undefined, ageYears: number, sex: 'L' | 'P'): Finding[] {
  if (hbGdl === undefined) return []
  const cutoff = hbAnaemiaCutoff(ageYears, sex)
  // Level 'rujuk': the cause and the treatment dose need a nakes — project choice [K]
  if (hbGdl < cutoff) {
    return [
      finding(
        'hb.anemia',
        'rujuk',
        {
          id: `Hb ${sayNumber(hbGdl).id} g/dL (< ${sayNumber(cutoff).id}): anemia — rujuk`,
          en: `Hb ${hbGdl} g/dL (< ${cutoff}): anaemia — refer`,
        },
        SRC_HB,
      ),
    ]
  }
  return [
    finding(
      'hb.normal',
      'normal',
      {
        id: `Hb ${sayNumber(hbGdl).id} g/dL (≥ ${sayNumber(cutoff).id})`,
        en: `Hb ${hbGdl} g/dL (≥ ${cutoff})`,
      },
      SRC_HB,
    ),
  ]
}

// TTD remaja putri 1 tablet a week (clinical-rules.md §2.3) [S]; the programme gives it to girls from 12 y (SMP/SMA) [K].
export const TTD_PUTRI_FROM_AGE = 12

function ttdPutri(s: RemajaScreening, ageYears: number, sex: 'L' | 'P'): Finding[] {
  if (sex !== 'P' || ageYears < TTD_PUTRI_FROM_AGE) return []
  const findings: Finding[] = []
  if (s.ttdAvailable === false) {
    findings.push(
      finding(
        'ttd_remaja.tidak_tersedia',
        'perhatian',
        {
          id: 'TTD remaja putri tidak tersedia — hubungi sekolah/puskesmas',
          en: 'No weekly iron-folic acid tablets — contact the school or puskesmas',
        },
        SRC_TTD,
      ),
    )
  }
  if (s.ttdTakenThisWeek === false) {
    findings.push(
      finding(
        'ttd_remaja.tidak_diminum',
        'perhatian',
        {
          id: 'TTD belum diminum minggu ini — ingatkan 1 tablet seminggu',
          en: 'No iron-folic acid tablet this week — remind: 1 tablet a week',
        },
        SRC_TTD,
      ),
    )
  } else if (s.ttdTakenThisWeek === true) {
    findings.push(
      finding(
        'ttd_remaja.diminum',
        'normal',
        { id: 'TTD diminum minggu ini', en: 'Iron-folic acid tablet taken this week' },
        SRC_TTD,
      ),
    )
  }
  return findings
}
