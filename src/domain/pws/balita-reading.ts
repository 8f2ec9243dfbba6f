// The balita part of a visit as the monthly report reads it: the growth findings (z-score categories, BGM, LiLA,
// N/T/O/B, 2T) and — only when the part records them — oedema, fever and danger signs.
//
// Why not visitFindings for every balita visit: interpretBalita also works out the whole immunisation schedule and
// the vitamin A, obat cacing and ASI rules, about half of its cost. None of those schedule findings (imunisasi,
// vitamin A, obat cacing, ASI) is ever 'rujuk' and none is a PWS figure here, so the report asks the growth engine
// directly — growthFindings with balitaMeasures' z-scores, the very call interpretBalita makes — and hands the visit
// to visitFindings whole when it holds oedema, a temperature or the danger-sign checklist (the other balita rules
// that can refer).
// tests/domain/pws/balita-reading.test.ts checks, on random visits, that both paths give the same growth and
// 'rujuk' codes as visitFindings, so a change to those rules cannot leave this module behind unnoticed.
import { ageOn } from '../age'
import type { ClinicalSettings } from '../clinical-settings'
import type { Finding } from '../findings'
import {
  growthFindings,
  type Indicator,
  type Weighing,
  type WeighingStatus,
  weightGainStatus,
  type ZResult,
} from '../growth'
import { balitaMeasures } from '../screening/balita'
import type { BalitaScreening } from '../screening/balita-part'
import { type FindingsMember, type FindingsVisit, visitFindings } from '../visit-findings'

/** A member's latest weighing of each calendar month, oldest month first (the KMS plots one point a month). */
export interface MonthWeighing extends Weighing {
  /** 'YYYY-MM' */
  month: string
}

/** As interpretBalita: a weight is a positive number. */
export const isWeight = (kg: number | undefined): kg is number => typeof kg === 'number' && kg > 0

/**
 * The latest weighing per calendar month from a member's current visits (sorted by date, then id — ids are
 * UUID v7 and sort in creation order), ignoring visits before the birth date, as interpretBalita does.
 */
export function monthlyWeighings(
  visits: readonly Pick<FindingsVisit, 'date' | 'parts'>[],
  birthDate: string,
): MonthWeighing[] {
  const byMonth = new Map<string, MonthWeighing>()
  for (const v of visits) {
    const weightKg = v.parts.balita?.weightKg
    if (!isWeight(weightKg) || v.date < birthDate) continue
    const month = v.date.slice(0, 7)
    // Sorted input: a later visit of the same month replaces the earlier one.
    byMonth.set(month, { month, date: v.date, weightKg })
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
}

/**
 * The last two monthly statuses (oldest first) ending with this visit's weighing — what growthFindings needs for
 * N/T/O/B and 2T. As interpretBalita: this visit stands for its month; each earlier month counts its latest
 * weighing; N/T by the KBM at the age in completed months on the weighing date (weightGainStatus). Empty when
 * the visit has no weight.
 */
export function statusesAt(
  date: string,
  weightKg: number | undefined,
  weighings: readonly MonthWeighing[],
  birthDate: string,
  kbmTable: ClinicalSettings['kbmTable'],
): WeighingStatus[] {
  if (!isWeight(weightKg)) return []
  const month = date.slice(0, 7)
  let i = weighings.length - 1
  while (i >= 0 && (weighings[i] as MonthWeighing).month >= month) i -= 1
  const prev = weighings[i]
  const status = (p: Weighing | undefined, w: Weighing) =>
    weightGainStatus(p, w, ageOn(birthDate, w.date).totalMonths, kbmTable)
  const current = status(prev, { date, weightKg })
  return prev ? [status(weighings[i - 1], prev), current] : [current]
}

const INDICATORS: readonly Indicator[] = ['wfa', 'lhfa', 'wflh', 'bfa', 'hcfa', 'acfa']

export interface BalitaReadingContext {
  member: FindingsMember
  /** The member's current visits before this one (for visitFindings' history). */
  history: () => readonly FindingsVisit[]
  weighings: () => readonly MonthWeighing[]
  settings: ClinicalSettings
}

/** The findings of a visit's balita part that the report uses (see the header). */
export function balitaReading(
  visit: FindingsVisit,
  s: BalitaScreening,
  ctx: BalitaReadingContext,
): Finding[] {
  const { member, settings } = ctx
  if (s.oedema !== undefined || s.temperatureC !== undefined || s.dangerSigns !== undefined) {
    return visitFindings({ ...visit, parts: { balita: s } }, member, ctx.history(), settings)
  }
  const { ageMonths, indicators } = balitaMeasures(s, { ...member, visitDate: visit.date })
  const scores: Partial<Record<Indicator, ZResult>> = {}
  for (const indicator of INDICATORS) scores[indicator] = indicators[indicator].z
  return growthFindings({
    ageMonths,
    scores,
    armCm: s.armCm,
    statuses: statusesAt(visit.date, s.weightKg, ctx.weighings(), member.birthDate, settings.kbmTable),
  })
}
