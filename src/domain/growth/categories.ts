// Kemenkes anthropometric status categories from WHO z-scores — Permenkes 2/2020 Standar Antropometri Anak, as
// tabled in clinical-rules.md §2.1 [S: a third-party spec quoting PMK 2/2020, matching K]. WHO 2006
// standards under 60 months, WHO 2007 reference for 5–18 years.
//
// Boundaries (clinical-rules.md §2.1): each band includes its edge nearer to 0, so z = −2.00 is normal (not
// "kurang"), −3.00 is "kurang" (not "sangat kurang"), +1.00 on BB/U is normal, +3.00 on TB/U is normal.
// Pass the z-score as zScore() reports it (2 decimals): WHO's categories are read off the rounded value.
import type { Bilingual } from '../text'
import type { Indicator } from './zscore'

export interface Category {
  /** Stable machine code, e.g. 'tbu.pendek'; the prefix names the index. */
  code: string
  /** The index as Kemenkes names it, e.g. 'BB/U'. */
  index: string
  label: Bilingual
}

/**
 * Bands from the lowest up. `below` is an exclusive upper bound (z < −3), `upTo` an inclusive one (z ≤ +1); the
 * last band has neither.
 */
type Bands = readonly { below?: number; upTo?: number; code: string; id: string; en: string }[]

const BBU: Bands = [
  { below: -3, code: 'bbu.sangat-kurang', id: 'Berat badan sangat kurang', en: 'Severely underweight' },
  { below: -2, code: 'bbu.kurang', id: 'Berat badan kurang', en: 'Underweight' },
  { upTo: 1, code: 'bbu.normal', id: 'Berat badan normal', en: 'Normal weight' },
  { code: 'bbu.risiko-lebih', id: 'Risiko berat badan lebih', en: 'Risk of overweight' },
]
const TBU: Bands = [
  { below: -3, code: 'tbu.sangat-pendek', id: 'Sangat pendek', en: 'Severely stunted' },
  { below: -2, code: 'tbu.pendek', id: 'Pendek (stunting)', en: 'Stunted' },
  { upTo: 3, code: 'tbu.normal', id: 'Normal', en: 'Normal' },
  { code: 'tbu.tinggi', id: 'Tinggi', en: 'Tall' },
]
/** BB/PB, BB/TB and IMT/U 0–60 months share these (clinical-rules.md §2.1). */
const gizi = (prefix: string): Bands => [
  { below: -3, code: `${prefix}.gizi-buruk`, id: 'Gizi buruk', en: 'Severely wasted' },
  { below: -2, code: `${prefix}.gizi-kurang`, id: 'Gizi kurang', en: 'Wasted' },
  { upTo: 1, code: `${prefix}.gizi-baik`, id: 'Gizi baik (normal)', en: 'Normal' },
  {
    upTo: 2,
    code: `${prefix}.berisiko-gizi-lebih`,
    id: 'Berisiko gizi lebih',
    en: 'Possible risk of overweight',
  },
  { upTo: 3, code: `${prefix}.gizi-lebih`, id: 'Gizi lebih', en: 'Overweight' },
  { code: `${prefix}.obesitas`, id: 'Obesitas', en: 'Obese' },
]
const BBTB = gizi('bbtb')
const IMTU_BALITA = gizi('imtu')
/** IMT/U 5–18 years [K in clinical-rules.md §2.1]: no "berisiko" band; > +2 is obesitas. */
const IMTU_ANAK: Bands = [
  { below: -3, code: 'imtu.gizi-buruk', id: 'Gizi buruk', en: 'Severely thin' },
  { below: -2, code: 'imtu.gizi-kurang', id: 'Gizi kurang', en: 'Thin' },
  { upTo: 1, code: 'imtu.gizi-baik', id: 'Gizi baik (normal)', en: 'Normal' },
  { upTo: 2, code: 'imtu.gizi-lebih', id: 'Gizi lebih', en: 'Overweight' },
  { code: 'imtu.obesitas', id: 'Obesitas', en: 'Obese' },
]
/** LK/U: < −2 mikrosefali, > +2 makrosefali — clinical convention, not a PMK 2/2020 table [S, clinical-rules.md §2.1]. */
const LKU: Bands = [
  { below: -2, code: 'lku.mikrosefali', id: 'Mikrosefali', en: 'Microcephaly' },
  { upTo: 2, code: 'lku.normal', id: 'Normal', en: 'Normal' },
  { code: 'lku.makrosefali', id: 'Makrosefali', en: 'Macrocephaly' },
]

/** Under 60 months the balita tables apply; 5–18 years (to the end of the WHO 2007 reference) the school-age ones. */
const BALITA_END_MONTHS = 60
const REFERENCE_2007_END_MONTHS = 229

/**
 * The Kemenkes category of a z-score, or undefined when Permenkes 2/2020 has none for that index and age:
 * BB/U after 60 months, BB/PB|BB/TB and LK/U after 60 months, and LiLA/U (use muacCategory's absolute cut-offs).
 */
export function categorize(indicator: Indicator, ageMonths: number, z: number): Category | undefined {
  if (!Number.isFinite(z) || !(ageMonths >= 0) || ageMonths >= REFERENCE_2007_END_MONTHS) return undefined
  const balita = ageMonths < BALITA_END_MONTHS
  switch (indicator) {
    case 'wfa':
      return balita ? band(BBU, 'BB/U', z) : undefined
    case 'lhfa':
      return band(TBU, ageMonths < 24 ? 'PB/U' : 'TB/U', z)
    case 'wflh':
      return balita ? band(BBTB, ageMonths < 24 ? 'BB/PB' : 'BB/TB', z) : undefined
    case 'bfa':
      return band(balita ? IMTU_BALITA : IMTU_ANAK, 'IMT/U', z)
    case 'hcfa':
      return balita ? band(LKU, 'LK/U', z) : undefined
    case 'acfa':
      return undefined
  }
}

function band(bands: Bands, index: string, z: number): Category {
  const found = bands.find((b) =>
    b.below !== undefined ? z < b.below : b.upTo !== undefined ? z <= b.upTo : true,
  ) as Bands[number]
  return { code: found.code, index, label: { id: found.id, en: found.en } }
}

/** LiLA (MUAC) cut-offs for balita: WHO; Kemenkes gizi buruk guideline 2019 [K, clinical-rules.md §2.1]. */
const MUAC_SAM_BELOW_CM = 11.5
const MUAC_MAM_BELOW_CM = 12.5
/** The cut-offs apply from 6 to 59 months. */
const MUAC_FROM_MONTHS = 6

/** LiLA balita 6–59 months: < 11.5 cm gizi buruk, 11.5 to < 12.5 gizi kurang, else normal; undefined at other ages. */
export function muacCategory(ageMonths: number, armCm: number): Category | undefined {
  if (!(ageMonths >= MUAC_FROM_MONTHS && ageMonths < BALITA_END_MONTHS) || !(armCm > 0)) return undefined
  const index = 'LiLA'
  if (armCm < MUAC_SAM_BELOW_CM) {
    return {
      code: 'lila.gizi-buruk',
      index,
      label: { id: 'Gizi buruk (LiLA < 11,5 cm)', en: 'Severe acute malnutrition' },
    }
  }
  if (armCm < MUAC_MAM_BELOW_CM) {
    return {
      code: 'lila.gizi-kurang',
      index,
      label: { id: 'Gizi kurang (LiLA < 12,5 cm)', en: 'Moderate acute malnutrition' },
    }
  }
  return { code: 'lila.normal', index, label: { id: 'Normal', en: 'Normal' } }
}
