// The other services of a child's posyandu visit: vitamin A rounds, obat cacing and ASI eksklusif.
import { ageOn } from '../age'
import type { ClinicalSettings } from '../clinical-settings'
import { parseDate } from '../dates'
import type { Finding } from '../findings'
import { firstDateAtAge, m } from './age-dates'

// ——— Vitamin A ———

export type VitaminACapsule = 'biru' | 'merah'

export interface VitaminAStatus {
  /** due/done: today is in a round month (February or August); not_yet_due: wait for `round`. */
  state: 'due' | 'done' | 'not_yet_due' | 'not_eligible'
  /** 'YYYY-MM': this month when it is February or August, otherwise the next of them. */
  round: string
  /** blue 100,000 IU for 6–11 mo, red 200,000 IU for 12–59 mo; by age today, or at the start of the next round. */
  capsule?: VitaminACapsule
}

const VITAMIN_A_MONTHS = [2, 8] // February and August: Permenkes 21/2015 (clinical-rules.md §2.1) [S]

/** Whether 'YYYY-MM' is a round month: only then can vitaminADue say 'due' on a day of it. */
export function isVitaminAMonth(yearMonth: string): boolean {
  return VITAMIN_A_MONTHS.includes(Number(yearMonth.slice(5, 7)))
}

/**
 * Vitamin A for a child — Permenkes 21/2015 (clinical-rules.md §2.1) [S]: 6–11 mo one blue capsule (100,000 IU) in
 * February or August; 12–59 mo a red capsule (200,000 IU) every February and August. The extra dose for sick
 * children (campak, diare, gizi buruk) is the nakes' call and not covered.
 */
export function vitaminADue(birthDate: string, givenDates: readonly string[], today: string): VitaminAStatus {
  const { year, month } = parseDate(today)
  const inRound = VITAMIN_A_MONTHS.includes(month)
  const nextRoundMonth = VITAMIN_A_MONTHS.find((rm) => rm > month)
  const round = inRound
    ? today.slice(0, 7)
    : nextRoundMonth === undefined
      ? `${year + 1}-02`
      : `${year}-${String(nextRoundMonth).padStart(2, '0')}`
  const ageDay = inRound ? today : `${round}-01`
  if (ageDay < birthDate) return { state: 'not_eligible', round }
  const months = ageOn(birthDate, ageDay).totalMonths
  // 6–11 mo blue, 12–59 mo red (clinical-rules.md §2.1) [S]
  const capsule: VitaminACapsule | undefined =
    months < 6 || months > 59 ? undefined : months < 12 ? 'biru' : 'merah'
  if (!capsule) return { state: 'not_eligible', round }
  if (!inRound) return { state: 'not_yet_due', round, capsule }
  const past = givenDates.filter((d) => d <= today)
  // Blue: one capsule in infancy, so any capsule since 6 months counts. Red: one per round.
  const done =
    capsule === 'biru'
      ? past.some((d) => d >= firstDateAtAge(birthDate, m(6)))
      : past.some((d) => d.slice(0, 7) === round)
  return { state: done ? 'done' : 'due', round, capsule }
}

// ——— Obat cacing ———

export interface DewormingStatus {
  state: 'due' | 'done' | 'not_eligible'
  /** 'YYYY-S1' (Jan–Jun) / 'YYYY-S2' (Jul–Dec) with 2 rounds a year, 'YYYY' with 1. */
  period: string
}

// Obat cacing for children 1–12 y, per settings.dewormingPerYear rounds a year — Permenkes 15/2017 Penanggulangan
// Cacingan [K] (clinical-rules.md §2.1; the ILP sources list obat cacing as a balita item without a schedule).
const DEWORMING_AGE = { fromMonths: 12, toYears: 12 }

export function obatCacingDue(
  birthDate: string,
  givenDates: readonly string[],
  today: string,
  settings: Pick<ClinicalSettings, 'dewormingPerYear'>,
): DewormingStatus {
  const periodOf = (date: string) =>
    settings.dewormingPerYear === 2
      ? `${date.slice(0, 4)}-S${date.slice(5, 7) <= '06' ? 1 : 2}`
      : date.slice(0, 4)
  const period = periodOf(today)
  if (today < birthDate) return { state: 'not_eligible', period }
  const age = ageOn(birthDate, today)
  if (age.totalMonths < DEWORMING_AGE.fromMonths || age.years > DEWORMING_AGE.toYears) {
    return { state: 'not_eligible', period }
  }
  const done = givenDates.some((d) => d <= today && periodOf(d) === period)
  return { state: done ? 'done' : 'due', period }
}

// ——— ASI eksklusif ———

// ASI eksklusif 0–6 months (clinical-rules.md §2.1 balita items) [S]: asked until 6 months are completed.
const ASI_EKSKLUSIF_MONTHS = 6

export function asiEksklusif(
  birthDate: string,
  today: string,
  exclusivelyBreastfed: boolean | undefined,
): Finding[] {
  if (exclusivelyBreastfed === undefined || today < birthDate) return []
  if (ageOn(birthDate, today).totalMonths >= ASI_EKSKLUSIF_MONTHS) return []
  const source = 'Buku KIA; form ILP (clinical-rules.md §2.1)'
  return exclusivelyBreastfed
    ? [
        {
          code: 'asi_eksklusif.ya',
          level: 'normal',
          message: { id: 'ASI eksklusif', en: 'Exclusively breastfed' },
          source,
        },
      ]
    : [
        {
          code: 'asi_eksklusif.tidak',
          level: 'perhatian',
          message: {
            id: 'Bayi < 6 bulan tidak ASI eksklusif — KIE menyusui',
            en: 'Baby under 6 months not exclusively breastfed — breastfeeding counselling',
          },
          source,
        },
      ]
}
