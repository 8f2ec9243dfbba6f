// The lansia part's payload (clinical-rules.md §2.5): the dewasa fields plus SKILAS and AKS. Kept apart from the
// interpreter (lansia.ts), as balita-part.ts is.
import type { DewasaScreening } from './dewasa-part'

/** SKILAS answers, by domain (clinical-rules.md §2.5). */
export interface SkilasAnswers {
  // Penurunan kognitif
  /** "Tanggal berapa sekarang?" answered right. */
  orientationTimeCorrect?: boolean
  /** "Di mana Anda sekarang?" answered right. */
  orientationPlaceCorrect?: boolean
  /** How many of the 3 words (e.g. bunga, pintu, nasi) were repeated, 0–3. */
  wordsRecalled?: number
  // Keterbatasan mobilisasi
  /** Seconds to stand up from a chair 5× without using the arms. */
  chairStandSeconds?: number
  /** Could not finish the 5 chair stands. */
  chairStandUnable?: boolean
  // Malnutrisi
  /** Weight loss > 3 kg in 3 months, or clothes looser. */
  weightLoss?: boolean
  /** Loss of appetite or difficulty eating (choking, tube feeding). */
  appetiteLoss?: boolean
  lilaCm?: number
  // Gangguan penglihatan
  /** Eye problems: far vision, reading, eye disease, or under treatment for DM/HT. */
  eyeProblem?: boolean
  /** Tes melihat (asked when eyeProblem is false): counted fingers right 3 times in a row. */
  fingerCountCorrect?: boolean
  // Gangguan pendengaran
  /** Tes bisik. */
  whisperTest?: 'dengar' | 'tidak_dengar' | 'tidak_bisa_dites'
  // Gejala depresi (past 2 weeks)
  /** Sad, depressed or hopeless. */
  feelingDown?: boolean
  /** Little interest or pleasure in doing things. */
  littleInterest?: boolean
}

export const AKS_ITEMS = [
  'bab',
  'bak',
  'membersihkan_diri',
  'penggunaan_wc',
  'makan',
  'berpindah',
  'mobilitas',
  'berpakaian',
  'naik_turun_tangga',
  'mandi',
] as const
export type AksItem = (typeof AKS_ITEMS)[number]

// Item maxima of the modified Barthel index, 0–20 form (Collin, Wade et al. 1988) [K]; the 10 items are those of
// clinical-rules.md §2.5 [S] and the maxima add up to its total of 20.
export const AKS_ITEM_MAX: Record<AksItem, number> = {
  bab: 2,
  bak: 2,
  membersihkan_diri: 1,
  penggunaan_wc: 2,
  makan: 2,
  berpindah: 3,
  mobilitas: 3,
  berpakaian: 2,
  naik_turun_tangga: 2,
  mandi: 1,
}

/** The lansia part of a visit record: the dewasa fields plus SKILAS and AKS. */
export interface LansiaScreening extends DewasaScreening {
  skilas?: SkilasAnswers
  /** AKS item scores, each 0..AKS_ITEM_MAX[item]. */
  aks?: Partial<Record<AksItem, number>>
}
