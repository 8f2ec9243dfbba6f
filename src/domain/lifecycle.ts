// The life-cycle stage every posyandu ILP service is organised by, plus the pregnancy and nifas overlays.
import { ageOn } from './age'
import { daysBetween, normalizeDate, parseDate } from './dates'

export const LIFE_STAGES = [
  'bayi_baru_lahir',
  'bayi',
  'balita',
  'prasekolah',
  'usia_sekolah_remaja',
  'dewasa',
  'lansia',
] as const
export type LifeStage = (typeof LIFE_STAGES)[number]

/** undefined when birthDate is after today. */
export function lifeStage(birthDate: string, today: string): LifeStage | undefined {
  if (birthDate > today) return undefined
  const age = ageOn(birthDate, today)
  if (age.totalDays <= 28) return 'bayi_baru_lahir' // neonatal period ends day 28: Permenkes 21/2021 KN3 (clinical-rules.md §2.2)
  if (age.totalMonths < 12) return 'bayi' // bayi 0–11 bl: Panduan Pengelolaan Posyandu 2023 (clinical-rules.md §1.2)
  if (age.totalMonths < 60) return 'balita' // balita 12–59 bl: Panduan Posyandu 2023 (clinical-rules.md §1.2)
  if (age.totalMonths < 72) return 'prasekolah' // anak prasekolah 60–71 bl: Panduan Posyandu 2023 (clinical-rules.md §1.2)
  if (age.years < 19) return 'usia_sekolah_remaja' // 6–18 th: Panduan Posyandu 2023 (clinical-rules.md §1.2)
  if (age.years < 60) return 'dewasa' // 19–59 th: Panduan Posyandu 2023 (clinical-rules.md §1.2)
  return 'lansia' // ≥ 60 th: Panduan Posyandu 2023 (clinical-rules.md §1.2)
}

export interface PregnancyStatus {
  gestationalDays: number
  weeks: number
  days: number
  trimester: 1 | 2 | 3
  hpl: string
}

// Past this the delivery was almost certainly not recorded: the kader must be asked for the delivery date.
export const MAX_GESTATION_DAYS = 44 * 7 // 44 weeks: project rule (issue), well past post-term (42 w, WHO)

/** Pregnancy from HPHT; undefined if hpht is after today or the pregnancy is over (see below). */
export function pregnancy(hpht: string, today: string, deliveryDate?: string): PregnancyStatus | undefined {
  const gestationalDays = daysBetween(hpht, today)
  if (
    gestationalDays < 0 ||
    gestationalDays > MAX_GESTATION_DAYS ||
    endedByDelivery(hpht, today, deliveryDate)
  ) {
    return undefined
  }
  const weeks = Math.floor(gestationalDays / 7)
  return {
    gestationalDays,
    weeks,
    days: gestationalDays % 7,
    trimester: trimester(weeks),
    hpl: hplFromHpht(hpht),
  }
}

/**
 * Whether the recorded delivery ends the pregnancy of this HPHT. A delivery before the HPHT belongs to an earlier
 * pregnancy; one after today is a typing error (checkMember reports it), so neither does.
 */
export function endedByDelivery(hpht: string, today: string, deliveryDate?: string): boolean {
  return deliveryDate !== undefined && deliveryDate >= hpht && deliveryDate <= today
}

// TM1 0 w 0 d – 12 w 6 d, TM2 13 w 0 d – 27 w 6 d, TM3 ≥ 28 w: Buku KIA / WHO convention [K] (clinical-rules.md §2.2).
// Which ANC contacts count for which trimester is a separate, configurable question (§2.2: sources disagree).
function trimester(weeks: number): 1 | 2 | 3 {
  if (weeks < 13) return 1
  if (weeks < 28) return 2
  return 3
}

/**
 * HPL by Naegele's rule as a bidan writes it: day + 7, month − 3, year + 1, days past the month's end carried
 * into the next month (clinical-rules.md §2.2). This calendar method can differ 1–3 days from HPHT + 280 days;
 * we chose it because it is the date the Buku KIA and the bidan will show.
 */
function hplFromHpht(hpht: string): string {
  const { year, month, day } = parseDate(hpht)
  return normalizeDate(year + 1, month - 3, day + 7)
}

export interface NifasStatus {
  daysSinceDelivery: number
}

const NIFAS_LAST_DAY = 42 // Permenkes 21/2021: KF4 29–42 days after delivery (clinical-rules.md §2.2)

/** Nifas: day 0 (delivery day) through day 42 inclusive; undefined otherwise. */
export function nifas(deliveryDate: string, today: string): NifasStatus | undefined {
  const daysSinceDelivery = daysBetween(deliveryDate, today)
  if (daysSinceDelivery < 0 || daysSinceDelivery > NIFAS_LAST_DAY) return undefined
  return { daysSinceDelivery }
}

export const OVERLAYS = ['ibu_hamil', 'ibu_nifas'] as const
export type Overlay = (typeof OVERLAYS)[number]

export interface MemberStages {
  stage: LifeStage
  overlays: Overlay[]
  pregnancy?: PregnancyStatus
  nifas?: NifasStatus
}

/** undefined when birthDate is after today. Overlays only for sex 'P'. */
export function memberStages(
  m: { birthDate: string; sex: 'L' | 'P'; hpht?: string; deliveryDate?: string },
  today: string,
): MemberStages | undefined {
  const stage = lifeStage(m.birthDate, today)
  if (!stage) return undefined
  const result: MemberStages = { stage, overlays: [] }
  if (m.sex !== 'P') return result
  const pregnant = m.hpht ? pregnancy(m.hpht, today, m.deliveryDate) : undefined
  if (pregnant) {
    result.overlays.push('ibu_hamil')
    result.pregnancy = pregnant
  }
  const postpartum = m.deliveryDate ? nifas(m.deliveryDate, today) : undefined
  if (postpartum) {
    result.overlays.push('ibu_nifas')
    result.nifas = postpartum
  }
  return result
}
