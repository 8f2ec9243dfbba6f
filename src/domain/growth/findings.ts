// Growth findings for the kader: z-score categories, LiLA, N/T/O/B, 2T and BGM as Findings (../findings.ts).
//
// Levels — who decides what (clinical-rules.md §2.1):
//   rujuk: BGM / BB/U < −3 SD ("below the red line") and BB/U > +1 SD ("above the orange line") and T — Buku KIA
//          2023 "Rujuk if T, below the red line, or above the orange line" [V] (line positions ≈ −3 / +1 SD, Juknis
//          KMS 2021 [K]); 2T [S: F1 form, "Apabila 2T Rujuk"]; stunting (pendek, sangat pendek), wasting and gizi
//          buruk by BB/PB|BB/TB, IMT/U or LiLA, obesitas, mikro-/makrosefali: the diagnosis needs a nakes (PMK 2/2020
//          gives categories, not actions, so the referral is our reading of the Buku KIA rule [K]).
//   perhatian: BB/U kurang (underweight without wasting), berisiko gizi lebih / gizi lebih, tinggi (> +3 SD), a
//          value WHO flags as implausible and a standing measurement before 9 months (both: re-measure).
//   normal: the rest, one finding per thing checked so the kader sees it was checked.

import type { Finding, FindingLevel } from '../findings'
import { sayNumber } from '../say'
import { type Category, categorize, muacCategory } from './categories'
import { isBgm, twoT, type WeighingStatus } from './monitoring'
import type { Indicator, ZResult } from './zscore'

export interface GrowthFindingsInput {
  /** Age at the visit in months (ageDays / 30.4375 or completed months). */
  ageMonths: number
  /** zScore() results of this visit, by indicator. */
  scores?: Partial<Record<Indicator, ZResult>>
  /** LiLA in cm (absolute cut-offs, 6–59 months). */
  armCm?: number
  /** This child's monthly weighing statuses, oldest first, ending with this month's. */
  statuses?: readonly WeighingStatus[]
  /**
   * Whether a value WHO flags as implausible was measured again and confirmed by the kader. The visit form saves
   * nothing unconfirmed (plausibility.ts), so a saved visit's values are confirmed (the default); while the form
   * is being filled in, a flagged value says "re-measure" instead of being read.
   */
  confirmed?: boolean
}

const SOURCE = {
  pmk: 'Permenkes 2/2020 (clinical-rules.md §2.1)',
  pmkRujuk: 'Permenkes 2/2020; rujuk: Buku KIA 2023 (clinical-rules.md §2.1)',
  bukuKia: 'Buku KIA 2023 (clinical-rules.md §2.1)',
  bgm: 'Buku KIA 2023; red line ≈ BB/U −3 SD, Juknis KMS 2021 [K] (clinical-rules.md §2.1)',
  twoT: 'Form F1 / surveilans gizi "Apabila 2T Rujuk" [S] (clinical-rules.md §2.1)',
  lk: 'Clinical convention LK/U ±2 SD [S] (clinical-rules.md §2.1)',
  lila: 'WHO; Kemenkes gizi buruk guideline 2019 [K] (clinical-rules.md §2.1)',
  who: 'WHO anthro/anthroplus (clinical-rules.md §6.4, §6.7)',
} as const

/** Level and source per category code; codes not listed are 'normal' with the PMK as source. */
const LEVELS: Record<string, { level: FindingLevel; source: string }> = {
  'bbu.sangat-kurang': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'bbu.kurang': { level: 'perhatian', source: SOURCE.pmk },
  'bbu.risiko-lebih': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'tbu.sangat-pendek': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'tbu.pendek': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'tbu.tinggi': { level: 'perhatian', source: SOURCE.pmk },
  'bbtb.gizi-buruk': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'bbtb.gizi-kurang': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'bbtb.berisiko-gizi-lebih': { level: 'perhatian', source: SOURCE.pmk },
  'bbtb.gizi-lebih': { level: 'perhatian', source: SOURCE.pmk },
  'bbtb.obesitas': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'imtu.gizi-buruk': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'imtu.gizi-kurang': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'imtu.berisiko-gizi-lebih': { level: 'perhatian', source: SOURCE.pmk },
  'imtu.gizi-lebih': { level: 'perhatian', source: SOURCE.pmk },
  'imtu.obesitas': { level: 'rujuk', source: SOURCE.pmkRujuk },
  'lku.mikrosefali': { level: 'rujuk', source: SOURCE.lk },
  'lku.normal': { level: 'normal', source: SOURCE.lk },
  'lku.makrosefali': { level: 'rujuk', source: SOURCE.lk },
  'lila.gizi-buruk': { level: 'rujuk', source: SOURCE.lila },
  'lila.gizi-kurang': { level: 'rujuk', source: SOURCE.lila },
  'lila.normal': { level: 'normal', source: SOURCE.lila },
}

const INDEX_EN: Record<string, string> = {
  'BB/U': 'Weight-for-age',
  'PB/U': 'Length-for-age',
  'TB/U': 'Height-for-age',
  'BB/PB': 'Weight-for-length',
  'BB/TB': 'Weight-for-height',
  'IMT/U': 'BMI-for-age',
  'LK/U': 'Head circumference-for-age',
  LiLA: 'Mid-upper arm circumference',
}

/** Code prefix per indicator, for findings about the measurement itself. */
const PREFIX: Record<Indicator, string> = {
  wfa: 'bbu',
  lhfa: 'tbu',
  wflh: 'bbtb',
  bfa: 'imtu',
  hcfa: 'lku',
  acfa: 'lilau',
}

const INDICATOR_ORDER: readonly Indicator[] = ['wfa', 'lhfa', 'wflh', 'bfa', 'hcfa', 'acfa']

/** The findings of one visit, in a stable order: z-score indices, LiLA, then weighing. */
export function growthFindings({
  ageMonths,
  scores = {},
  armCm,
  statuses = [],
  confirmed = true,
}: GrowthFindingsInput): Finding[] {
  const findings: Finding[] = []
  for (const indicator of INDICATOR_ORDER) {
    const result = scores[indicator]
    if (!result) continue
    if (!result.ok) {
      if (result.reason === 'implausible-position') findings.push(remeasureLying(indicator))
      continue
    }
    // A confirmed extreme value is real, and beyond the most severe category: read like any other (clinical-rules.md
    // §2.1) — a child confirmed at 4.8 kg and 72 cm at 18 months is gizi buruk, not "re-measure".
    if (result.flagged && !confirmed) {
      findings.push(implausible(indicator, result.z))
      continue
    }
    const category = categorize(indicator, ageMonths, result.z)
    if (category) findings.push(fromCategory(category))
    if (indicator === 'wfa' && ageMonths < 60 && isBgm(result.z)) {
      findings.push({
        code: 'kms.bgm',
        level: 'rujuk',
        message: { id: 'Di bawah garis merah (BGM) — rujuk', en: 'Below the red line (BGM) — refer' },
        source: SOURCE.bgm,
      })
    }
  }

  const muac = armCm === undefined ? undefined : muacCategory(ageMonths, armCm)
  if (muac) findings.push(fromCategory(muac))

  const status = statuses.at(-1)
  if (status) findings.push(weighingFinding(status))
  if (twoT(statuses)) {
    findings.push({
      code: 'kms.2t',
      level: 'rujuk',
      message: {
        id: '2T: berat badan tidak naik 2 bulan berturut-turut — rujuk ke Puskesmas',
        en: '2T: no weight gain two months in a row — refer to the Puskesmas',
      },
      source: SOURCE.twoT,
    })
  }
  return findings
}

// Gizi buruk (severe acute malnutrition: BB/PB or BB/TB < −3 SD, LiLA < 11.5 cm, IMT/U < −3 SD under 5 years) →
// rujuk segera: WHO 2013 SAM guideline; Kemenkes Pedoman Pencegahan dan Tata Laksana Gizi Buruk 2019 [K]
// (clinical-rules.md §2.1; clinical-rules.md §2.1).
const URGENT_CODES: ReadonlySet<string> = new Set(['bbtb.gizi-buruk', 'imtu.gizi-buruk', 'lila.gizi-buruk'])

function fromCategory(category: Category): Finding {
  const { level, source } = LEVELS[category.code] ?? { level: 'normal', source: SOURCE.pmk }
  const urgent = URGENT_CODES.has(category.code)
  const finding: Finding = {
    code: category.code,
    level,
    message: {
      id: `${category.index}: ${category.label.id}${urgent ? ' — rujuk segera' : ''}`,
      en: `${INDEX_EN[category.index] ?? category.index}: ${category.label.en}${urgent ? ' — refer now' : ''}`,
    },
    source,
  }
  if (urgent) finding.urgent = true
  return finding
}

function implausible(indicator: Indicator, z: number): Finding {
  return {
    code: `${PREFIX[indicator]}.tidak-wajar`,
    level: 'perhatian',
    message: {
      id: `Nilai z ${sayNumber(z).id} tidak wajar menurut WHO — periksa pencatatan dan ukur ulang`,
      en: `z-score ${z} is implausible by WHO's rules — check the record and measure again`,
    },
    source: SOURCE.who,
  }
}

function remeasureLying(indicator: Indicator): Finding {
  return {
    code: `${PREFIX[indicator]}.posisi-salah`,
    level: 'perhatian',
    message: {
      id: 'Anak di bawah 9 bulan diukur berdiri — ukur ulang panjang badan sambil berbaring',
      en: 'Child under 9 months measured standing — measure the length again lying down',
    },
    source: SOURCE.who,
  }
}

const WEIGHING: Record<WeighingStatus, Omit<Finding, 'source'>> = {
  N: { code: 'kms.n', level: 'normal', message: { id: 'N: berat badan naik', en: 'N: weight gained' } },
  T: {
    code: 'kms.t',
    level: 'rujuk',
    message: { id: 'T: berat badan tidak naik — rujuk', en: 'T: no adequate weight gain — refer' },
  },
  O: {
    code: 'kms.o',
    level: 'normal',
    message: {
      id: 'O: tidak ditimbang bulan lalu — naik/tidak naik dinilai bulan depan',
      en: 'O: not weighed last month — gain is assessed next month',
    },
  },
  B: {
    code: 'kms.b',
    level: 'normal',
    message: { id: 'B: penimbangan pertama', en: 'B: first weighing' },
  },
}

function weighingFinding(status: WeighingStatus): Finding {
  return { ...WEIGHING[status], source: SOURCE.bukuKia }
}
