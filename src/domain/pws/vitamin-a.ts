// Vitamin A coverage per round (clinical-rules.md §3.2; Permenkes 21/2015 via §2.1): the children 6–59 months old on
// the round month's last day — bayi 6–11 months (one blue capsule) and balita 12–59 months (a red capsule) — and of
// them those whose visit in February or August recorded the capsule (balita part `vitaminA`). A capsule given in
// another month is not the round's. Rounds of the reported year up to the reported month are listed.
import { ageOn } from '../age'
import { daysInMonth } from '../dates'
import type { IndicatorContext } from './indicator-context'
import { ratio, Tally } from './tally'
import type { Ratio } from './types'

/** February and August (Permenkes 21/2015, §2.1) — immunization.ts reads the same months for the schedule. */
const ROUND_MONTHS = [2, 8] as const

export interface VitaminARound {
  /** 'YYYY-MM' */
  round: string
  /** 6–11 months, blue capsule. */
  bayi: Ratio
  /** 12–59 months, red capsule. */
  balita: Ratio
  total: Ratio
}

export function vitaminARounds(ctx: IndicatorContext): VitaminARound[] {
  const reported = Number(ctx.month.first.slice(5, 7))
  return ROUND_MONTHS.filter((m) => m <= reported).map((m) => round(ctx, m))
}

function round(ctx: IndicatorContext, monthNumber: number): VitaminARound {
  const month = `${ctx.year}-${String(monthNumber).padStart(2, '0')}`
  const last = `${month}-${String(daysInMonth(ctx.year, monthNumber)).padStart(2, '0')}`
  const sasaran = { bayi: new Tally(), balita: new Tally() }
  const given = { bayi: new Tally(), balita: new Tally() }
  for (const [id, person] of ctx.month.people) {
    if (person.member.birthDate > last) continue
    const months = ageOn(person.member.birthDate, last).totalMonths
    if (months < 6 || months > 59) continue
    const group = months < 12 ? 'bayi' : 'balita'
    sasaran[group].add(id)
    if (person.visits.some((v) => v.date.startsWith(month) && v.parts.balita?.vitaminA === true))
      given[group].add(id)
  }
  return {
    round: month,
    bayi: ratio(given.bayi.count(), sasaran.bayi.count()),
    balita: ratio(given.balita.count(), sasaran.balita.count()),
    total: ratio(
      Tally.union(given.bayi, given.balita).count(),
      Tally.union(sasaran.bayi, sasaran.balita).count(),
    ),
  }
}
