// What every stage module shares: the context a screening is read in, the Finding builder, and the two rules
// more than one stage applies with the same cut-offs (adult blood pressure, random blood glucose).
import type { ClinicalSettings } from '../clinical-settings'
import type { Finding, FindingLevel } from '../findings'
import type { Bilingual } from '../text'
import type { Smoking } from './common-part'

/** The member facts and settings a screening payload is read against. Nothing here reads a clock. */
export interface ScreeningContext {
  /** 'YYYY-MM-DD' */
  today: string
  /** Wall-clock time of the visit, 'HH:mm'; only the hour-based KN1/KF1 windows use it. */
  nowTime?: string
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: 'L' | 'P'
  /** First day of the last menstrual period, 'YYYY-MM-DD' (member record). */
  hpht?: string
  /** 'YYYY-MM-DD' (member record). */
  deliveryDate?: string
  settings: ClinicalSettings
  /**
   * Only the rules whose findings can open or close a referral (referrals/problems.ts): the readers that follow
   * referrals through every visit of an area skip the rest (KF/KN windows, TTD, KB, smoking …).
   */
  problemsOnly?: boolean
}

export function finding(code: string, level: FindingLevel, message: Bilingual, source: string): Finding {
  return { code, level, message, source }
}

/** A checklist answer: the items ticked "ya". undefined = not asked; [] = asked, none present. */
export type Checklist<T extends string> = T[]

/** One 'rujuk' finding per danger sign ticked, or one 'normal' finding when the list was asked and is empty. */
export function dangerSignFindings<T extends string>(
  prefix: string,
  ticked: readonly T[] | undefined,
  labels: Record<T, Bilingual>,
  source: string,
): Finding[] {
  if (!ticked) return []
  if (ticked.length === 0) {
    return [
      finding(
        `${prefix}.tidak_ada`,
        'normal',
        { id: 'Tidak ada tanda bahaya', en: 'No danger signs' },
        source,
      ),
    ]
  }
  // A danger sign means the facility today: rujuk segera (Buku KIA; ILP form — clinical-rules.md §2.1, §2.2) [S].
  return [...new Set(ticked)].map((sign) =>
    urgent(
      finding(
        `${prefix}.${sign}`,
        'rujuk',
        {
          id: `Tanda bahaya: ${labels[sign].id} — rujuk segera`,
          en: `Danger sign: ${labels[sign].en} — refer now`,
        },
        source,
      ),
    ),
  )
}

/** The finding marked rujuk segera (referrals/history.ts: follow-up due the same day). */
export function urgent(f: Finding): Finding {
  f.urgent = true
  return f
}

export const SRC_BP_ADULT = 'Kemenkes P2PTM (clinical-rules.md §2.4)'
const SRC_BP_CRISIS = 'PNPK Hipertensi Dewasa, KMK 4634/2021 [K] (clinical-rules.md §2.4)'
export const BP_CRISIS = { systolic: 180, diastolic: 110 }

/**
 * Adult blood pressure. Either reading alone can place the person in the higher class.
 * Cut-offs: ≥ 140/90 hipertensi, 120–139/80–89 pra-hipertensi — Kemenkes P2PTM (clinical-rules.md §2.4) [K].
 */
export function adultBloodPressure(
  prefix: string,
  systolicMmHg: number | undefined,
  diastolicMmHg: number | undefined,
): Finding[] {
  if (systolicMmHg === undefined && diastolicMmHg === undefined) return []
  const sys = systolicMmHg ?? 0
  const dia = diastolicMmHg ?? 0
  const reading = bpText(systolicMmHg, diastolicMmHg)
  // ≥ 180/110 krisis hipertensi → rujuk segera: PNPK Tata Laksana Hipertensi Dewasa (KMK HK.01.07/MENKES/4634/2021)
  // [K] (clinical-rules.md §2.4)
  if (sys >= BP_CRISIS.systolic || dia >= BP_CRISIS.diastolic) {
    return [
      urgent(
        finding(
          `${prefix}.hipertensi`,
          'rujuk',
          {
            id: `Tekanan darah ${reading} (≥ 180/110): hipertensi berat — rujuk segera`,
            en: `Blood pressure ${reading} (≥ 180/110): severe hypertension — refer now`,
          },
          SRC_BP_CRISIS,
        ),
      ),
    ]
  }
  // ≥ 140/90 hipertensi → rujuk: Kemenkes P2PTM (clinical-rules.md §2.4) [K]
  if (sys >= 140 || dia >= 90) {
    return [
      finding(
        `${prefix}.hipertensi`,
        'rujuk',
        {
          id: `Tekanan darah ${reading}: hipertensi — rujuk`,
          en: `Blood pressure ${reading}: hypertension — refer`,
        },
        SRC_BP_ADULT,
      ),
    ]
  }
  // 120–139/80–89 pra-hipertensi: Kemenkes P2PTM (clinical-rules.md §2.4) [K]
  if (sys >= 120 || dia >= 80) {
    return [
      finding(
        `${prefix}.prahipertensi`,
        'perhatian',
        {
          id: `Tekanan darah ${reading}: pra-hipertensi — KIE gaya hidup, ukur ulang`,
          en: `Blood pressure ${reading}: prehypertension — lifestyle counselling, re-measure`,
        },
        SRC_BP_ADULT,
      ),
    ]
  }
  return [
    finding(
      `${prefix}.normal`,
      'normal',
      { id: `Tekanan darah ${reading}: normal`, en: `Blood pressure ${reading}: normal` },
      SRC_BP_ADULT,
    ),
  ]
}

export function bpText(systolicMmHg: number | undefined, diastolicMmHg: number | undefined): string {
  return `${systolicMmHg ?? '–'}/${diastolicMmHg ?? '–'} mmHg`
}

const SRC_GDS = 'Kemenkes; PERKENI (clinical-rules.md §2.4)'

/** Gula darah sewaktu (random capillary glucose). */
export function randomGlucose(prefix: string, gdsMgDl: number | undefined): Finding[] {
  if (gdsMgDl === undefined) return []
  // GDS ≥ 200 mg/dL → rujuk: Kemenkes "GDS sebaiknya < 200" [S]; PERKENI [K] (clinical-rules.md §2.4)
  if (gdsMgDl >= 200) {
    return [
      finding(
        `${prefix}.tinggi`,
        'rujuk',
        {
          id: `Gula darah sewaktu ${gdsMgDl} mg/dL (≥ 200) — rujuk`,
          en: `Random blood glucose ${gdsMgDl} mg/dL (≥ 200) — refer`,
        },
        SRC_GDS,
      ),
    ]
  }
  return [
    finding(
      `${prefix}.normal`,
      'normal',
      {
        id: `Gula darah sewaktu ${gdsMgDl} mg/dL (< 200)`,
        en: `Random blood glucose ${gdsMgDl} mg/dL (< 200)`,
      },
      SRC_GDS,
    ),
  ]
}

const SRC_SMOKING = 'Form ILP (clinical-rules.md §2.3, §2.4)'

export function smokingFindings(prefix: string, smoking: Smoking | undefined): Finding[] {
  switch (smoking) {
    case undefined:
      return []
    case 'aktif':
      return [
        finding(
          `${prefix}.aktif`,
          'perhatian',
          { id: 'Merokok aktif — KIE berhenti merokok', en: 'Active smoker — counsel to quit' },
          SRC_SMOKING,
        ),
      ]
    case 'pasif':
      return [
        finding(
          `${prefix}.pasif`,
          'perhatian',
          {
            id: 'Perokok pasif — KIE rumah bebas asap rokok',
            en: 'Second-hand smoke — counsel a smoke-free home',
          },
          SRC_SMOKING,
        ),
      ]
    case 'tidak':
      return [
        finding(`${prefix}.tidak`, 'normal', { id: 'Tidak merokok', en: 'Does not smoke' }, SRC_SMOKING),
      ]
  }
}
