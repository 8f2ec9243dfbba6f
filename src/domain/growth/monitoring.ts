// Monthly growth monitoring on the KMS in the Buku KIA: N/T/O/B, 2T and BGM (clinical-rules.md §2.1).
//   N (naik): gained at least the KBM (kenaikan berat badan minimal) since last month's weighing;
//   T (tidak naik): gained less than the KBM, or lost weight;
//   O: weighed this month but not last month — N/T is not computed across a missed month (§2.1 "do not compute
//      N/T across a missed month"); B (baru): first weighing ever [S: F1 form]. D = N + T + O + B.
// The Buku KIA also reads N/T off the direction of the curve; the KBM is what it uses "bila ada keraguan" [V],
// and the only rule a kader app can apply without the plotted chart.
import type { ClinicalSettings } from '../clinical-settings'
import { parseDate } from '../dates'

export type WeighingStatus = 'N' | 'T' | 'O' | 'B'

export interface Weighing {
  /** 'YYYY-MM-DD' */
  date: string
  weightKg: number
}

type KbmTable = ClinicalSettings['kbmTable']

/**
 * KBM in grams by age in completed months at this weighing, months 1–11 (index 0 = month 1); from 12 to 60 months
 * 200 g. SOURCES DISAGREE (clinical-rules.md §2.1): 'kms' = KMS / Permenkes 155/2010 as usually quoted [K] (default,
 * the doc's recommendation); 'tulip' = the Posyandu "Tulip" Excel [S] — 600 g at 3 months, 300 g at 7 months.
 */
export const KBM_GRAMS: Record<KbmTable, readonly number[]> = {
  kms: [800, 900, 800, 600, 500, 400, 400, 300, 300, 300, 200],
  tulip: [800, 900, 600, 600, 500, 400, 300, 300, 300, 300, 200],
}
/** KBM from 12 months on (both columns). */
const KBM_FROM_12_MONTHS_GRAMS = 200

/** KBM in grams for a child of `ageMonths` completed months (month 0 uses the first month's 800 g). */
export function kbmGrams(ageMonths: number, table: KbmTable = 'kms'): number {
  const month = Math.max(1, Math.floor(ageMonths))
  return KBM_GRAMS[table][month - 1] ?? KBM_FROM_12_MONTHS_GRAMS
}

/**
 * N/T/O/B for this month's weighing. `prev` is the child's latest earlier weighing (undefined if there is none);
 * it counts as "last month" when it fell in the calendar month before `curr`. Throws RangeError when `prev` is not
 * from an earlier calendar month (pass the latest weighing of an earlier month, not one from this month).
 */
export function weightGainStatus(
  prev: Weighing | undefined,
  curr: Weighing,
  ageMonthsAtCurr: number,
  kbmTable: KbmTable = 'kms',
): WeighingStatus {
  if (!prev) return 'B'
  const monthsApart = monthIndex(curr.date) - monthIndex(prev.date)
  if (monthsApart < 1)
    throw new RangeError(`The previous weighing (${prev.date}) is not before ${curr.date}'s month`)
  if (monthsApart > 1) return 'O'
  // Whole grams: kilograms with one decimal do not subtract exactly in binary (10.4 − 9.6 = 0.7999…).
  const gainGrams = Math.round((curr.weightKg - prev.weightKg) * 1000)
  return gainGrams >= kbmGrams(ageMonthsAtCurr, kbmTable) ? 'N' : 'T'
}

function monthIndex(iso: string): number {
  const { year, month } = parseDate(iso)
  return year * 12 + month
}

/** 2T: the last two monthly statuses (oldest first) are both T — refer to the Puskesmas (§2.1 [S: F1 form]). */
export function twoT(statuses: readonly WeighingStatus[]): boolean {
  return statuses.length >= 2 && statuses.at(-1) === 'T' && statuses.at(-2) === 'T'
}

/** KMS red line ≈ BB/U −3 SD in the new KMS (Juknis KMS 2021 [K], clinical-rules.md §2.1). */
const RED_LINE_Z = -3

/** BGM (bawah garis merah): below the KMS red line, i.e. BB/U z (2 decimals, as zScore gives it) < −3. */
export function isBgm(weightForAgeZ: number): boolean {
  return weightForAgeZ < RED_LINE_Z
}
