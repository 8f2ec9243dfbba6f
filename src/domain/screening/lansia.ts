// Lansia (≥ 60 y): everything of dewasa, plus SKILAS (6 domains of intrinsic capacity) and AKS (modified Barthel).

import type { Finding, FindingLevel } from '../findings'
import type { Bilingual } from '../text'
import { finding, type ScreeningContext } from './common'
import { interpretDewasa } from './dewasa'
import {
  AKS_ITEM_MAX,
  AKS_ITEMS,
  type AksItem,
  type LansiaScreening,
  type SkilasAnswers,
} from './lansia-part'

export const SKILAS_DOMAINS = [
  'kognitif',
  'mobilitas',
  'malnutrisi',
  'penglihatan',
  'pendengaran',
  'depresi',
] as const
export type SkilasDomain = (typeof SKILAS_DOMAINS)[number]
/** positif: refer; negatif: every question of the domain answered, none positive; belum_lengkap: otherwise. */
export type SkilasDomainResult = 'positif' | 'negatif' | 'belum_lengkap'

// Chair stand 5× not within 14 s = keterbatasan mobilisasi: SKILAS instrument (clinical-rules.md §2.5) [V]
export const CHAIR_STAND_MAX_SECONDS = 14
// LiLA < 21 cm = malnutrisi: SKILAS instrument (clinical-rules.md §2.5) [V]
export const SKILAS_LILA_CM = 21

/** Each SKILAS domain's result, with the positive rules of clinical-rules.md §2.5 [V: SKILAS instrument]. */
export function skilasDomains(a: SkilasAnswers): Record<SkilasDomain, SkilasDomainResult> {
  const lilaLow = a.lilaCm === undefined ? undefined : a.lilaCm < SKILAS_LILA_CM
  const wordsShort = a.wordsRecalled === undefined ? undefined : a.wordsRecalled < 3
  const slow =
    a.chairStandUnable === true
      ? true
      : a.chairStandSeconds === undefined
        ? undefined
        : a.chairStandSeconds > CHAIR_STAND_MAX_SECONDS
  const hearing = a.whisperTest === undefined ? undefined : a.whisperTest !== 'dengar'
  return {
    // wrong on any orientation question or cannot repeat all 3 words
    kognitif: anyPositive([negate(a.orientationTimeCorrect), negate(a.orientationPlaceCorrect), wordsShort]),
    mobilitas: anyPositive([slow]),
    // weight loss, appetite loss or LiLA < 21 cm
    malnutrisi: anyPositive([a.weightLoss, a.appetiteLoss, lilaLow]),
    // "ya" to eye problems; if not, the finger-count test must be passed
    penglihatan: anyPositive([a.eyeProblem, negate(a.fingerCountCorrect)]),
    // cannot hear the whisper, or the test was not possible (→ refer)
    pendengaran: anyPositive([hearing]),
    depresi: anyPositive([a.feelingDown, a.littleInterest]),
  }
}

function negate(b: boolean | undefined): boolean | undefined {
  return b === undefined ? undefined : !b
}

function anyPositive(items: readonly (boolean | undefined)[]): SkilasDomainResult {
  if (items.some((x) => x === true)) return 'positif'
  return items.every((x) => x === false) ? 'negatif' : 'belum_lengkap'
}

const SKILAS_LABELS: Record<SkilasDomain, Bilingual> = {
  kognitif: { id: 'penurunan kognitif', en: 'cognitive decline' },
  mobilitas: { id: 'keterbatasan mobilisasi', en: 'limited mobility' },
  malnutrisi: { id: 'malnutrisi', en: 'malnutrition' },
  penglihatan: { id: 'gangguan penglihatan', en: 'vision impairment' },
  pendengaran: { id: 'gangguan pendengaran', en: 'hearing impairment' },
  depresi: { id: 'gejala depresi', en: 'depressive symptoms' },
}

const SRC_SKILAS = 'SKILAS, Juknis ILP (clinical-rules.md §2.5)'
const SRC_AKS = 'AKS (Barthel modifikasi), Juknis ILP (clinical-rules.md §2.5)'

export type AksCategory = 'M' | 'R' | 'S' | 'B' | 'T'

/** Total 0–20, or undefined unless all 10 items carry a whole score within their range. */
export function aksTotal(scores: Partial<Record<AksItem, number>>): number | undefined {
  let total = 0
  for (const item of AKS_ITEMS) {
    const score = scores[item]
    if (score === undefined || !Number.isInteger(score) || score < 0 || score > AKS_ITEM_MAX[item])
      return undefined
    total += score
  }
  return total
}

export function aksCategory(total: number): AksCategory {
  // 20 Mandiri; 12–19 ketergantungan Ringan; 9–11 Sedang; 5–8 Berat; 0–4 Total (clinical-rules.md §2.5) [S]
  if (total >= 20) return 'M'
  if (total >= 12) return 'R'
  if (total >= 9) return 'S'
  if (total >= 5) return 'B'
  return 'T'
}

// S/B/T → rujuk (clinical-rules.md §2.5) [S]; R → perhatian is a project choice (help at home, watch for decline).
const AKS: Record<AksCategory, { level: FindingLevel; label: Bilingual }> = {
  M: { level: 'normal', label: { id: 'mandiri', en: 'independent' } },
  R: { level: 'perhatian', label: { id: 'ketergantungan ringan', en: 'mild dependence' } },
  S: { level: 'rujuk', label: { id: 'ketergantungan sedang', en: 'moderate dependence' } },
  B: { level: 'rujuk', label: { id: 'ketergantungan berat', en: 'severe dependence' } },
  T: { level: 'rujuk', label: { id: 'ketergantungan total', en: 'total dependence' } },
}

export function interpretLansia(s: LansiaScreening, ctx: ScreeningContext): Finding[] {
  return [...interpretDewasa(s, ctx), ...skilasFindings(s.skilas), ...aksFindings(s.aks)]
}

function skilasFindings(a: SkilasAnswers | undefined): Finding[] {
  if (!a) return []
  const results = skilasDomains(a)
  return SKILAS_DOMAINS.flatMap((domain) => {
    const label = SKILAS_LABELS[domain]
    switch (results[domain]) {
      // Any positive box → RUJUK PUSKESMAS (clinical-rules.md §2.5) [V]
      case 'positif':
        return [
          finding(
            `skilas.${domain}.positif`,
            'rujuk',
            {
              id: `SKILAS: ${label.id} — rujuk puskesmas`,
              en: `SKILAS: ${label.en} — refer to the puskesmas`,
            },
            SRC_SKILAS,
          ),
        ]
      case 'negatif':
        return [
          finding(
            `skilas.${domain}.negatif`,
            'normal',
            { id: `SKILAS: tidak ada ${label.id}`, en: `SKILAS: no ${label.en}` },
            SRC_SKILAS,
          ),
        ]
      default:
        return []
    }
  })
}

function aksFindings(scores: Partial<Record<AksItem, number>> | undefined): Finding[] {
  if (!scores) return []
  const total = aksTotal(scores)
  if (total === undefined) return []
  const category = aksCategory(total)
  const { level, label } = AKS[category]
  const action = level === 'rujuk' ? { id: ' — rujuk', en: ' — refer' } : { id: '', en: '' }
  return [
    finding(
      `aks.${category}`,
      level,
      {
        id: `AKS ${total}/20: ${label.id} (${category})${action.id}`,
        en: `ADL ${total}/20: ${label.en} (${category})${action.en}`,
      },
      SRC_AKS,
    ),
  ]
}
