// Where the sources disagree (clinical-rules.md marks them "setting"), the rule is a setting with a cited
// default. The puskesmas confirms the local choice; the kader's settings screen can change it.

export interface ClinicalSettings {
  /**
   * KBM (kenaikan berat badan minimal) table variant. Default 'kms': KMS / Permenkes 155/2010 as usually quoted
   * (clinical-rules.md §2.1 recommends it until the Buku KIA edition in use is confirmed).
   */
  kbmTable: 'kms' | 'tulip'
  /**
   * Minimum ANC contacts per trimester [TM1, TM2, TM3]. Default [1, 2, 3]: Permenkes 21/2021 as quoted by most
   * secondary sources; Buku KIA 2020+ infographics use [2, 1, 3] (clinical-rules.md §2.2).
   */
  ancPerTrimester: readonly [number, number, number]
  /**
   * Completed gestational weeks at which ANC trimester 2 and trimester 3 begin when ANC contacts are counted against
   * ancPerTrimester. Default [13, 25]: Permenkes 21/2021 as quoted with the 1-2-3 split — TM1 0–12 wk, TM2 > 12–24
   * wk, TM3 > 24 wk [S]. The Buku KIA/WHO trimesters that lifecycle.ts shows (TM3 from 28 wk) give [13, 28]
   * (clinical-rules.md §2.2).
   */
  ancTrimesterStartWeeks: readonly [number, number]
  /**
   * PUMA score at or above which PPOK risk is referred for spirometry. Default 7: the Kemenkes-style form says
   * "< 7 edukasi, > 7 risiko PPOK", so anything not under 7 is referred; the original PUMA (López Varela 2016)
   * uses ≥ 5 (clinical-rules.md §2.4).
   */
  pumaReferAt: number
  /** Adult mental-health instrument: SRQ-20 (Juknis ILP) by default; PHQ-2 + GAD-2 (CKG 2025) where used. */
  mentalHealthTool: 'srq20' | 'phq2gad2'
  /** SRQ-20 "ya" answers from which nakes assessment is needed. Default 6 (Kartu Bantu "SKOR >= 6"; §2.4). */
  srq20ReferAt: number
  /**
   * Obat cacing rounds per year for children 12 months – 12 years. Default 2 (one per semester, given with vitamin A
   * in February and August): Permenkes 15/2017 Penanggulangan Cacingan sets 2× a year where prevalence is ≥ 50 %,
   * 1× where 20–50 % [K] (clinical-rules.md §2.1; the ILP sources list obat cacing without a schedule).
   */
  dewormingPerYear: 1 | 2
}

export const DEFAULT_CLINICAL_SETTINGS: ClinicalSettings = {
  kbmTable: 'kms',
  ancPerTrimester: [1, 2, 3],
  ancTrimesterStartWeeks: [13, 25],
  pumaReferAt: 7,
  mentalHealthTool: 'srq20',
  srq20ReferAt: 6,
  dewormingPerYear: 2,
}
