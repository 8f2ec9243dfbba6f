// SKDN split by sex and age group (0–5, 6–11, 12–23, 24–59 completed months on the reference date), as the F1 gizi
// report and e-PPGBM tabulate it (clinical-rules.md §3.2), from the month's SKDN (skdn.ts) so the groups add up to
// it; and the prevalence of stunting, wasting and underweight among the children weighed this month, read from
// each child's latest weighing of the month (the weighing that put her in D) with risks.ts's rules:
// underweight (BB/U < −2) over every weighed child, stunting (PB/U, TB/U < −2) and wasting (BB/PB, BB/TB < −2) over
// those whose length was measured at that weighing (Permenkes 2/2020, §2.1).
import { ageOn } from '../age'
import { isWeight } from './balita-reading'
import type { Month } from './month'
import { RISK_RULES } from './risks'
import { ratio, Tally } from './tally'
import type { Count, Ratio, Skdn } from './types'

export const AGE_GROUPS = ['0-5', '6-11', '12-23', '24-59'] as const
export type AgeGroup = (typeof AGE_GROUPS)[number]

function ageGroup(totalMonths: number): AgeGroup {
  if (totalMonths < 6) return '0-5'
  if (totalMonths < 12) return '6-11'
  if (totalMonths < 24) return '12-23'
  return '24-59'
}

const LETTERS = ['S', 'K', 'D', 'N', 'T', 'O', 'B', 'BGM'] as const
type Letter = (typeof LETTERS)[number]

export interface SkdnGroup {
  sex: 'L' | 'P'
  age: AgeGroup
  counts: Record<Letter, Count>
  /** D/S and N/D of the group. */
  DS: Ratio
  ND: Ratio
}

/** One row per sex and age group (L then P, youngest first). */
export function skdnGroups(month: Month, skdn: Skdn): SkdnGroup[] {
  const groupOf = new Map<string, string>()
  for (const id of skdn.S.memberIds) {
    const person = month.people.get(id)
    if (!person) continue
    groupOf.set(
      id,
      `${person.member.sex}|${ageGroup(ageOn(person.member.birthDate, month.last).totalMonths)}`,
    )
  }
  const rows: SkdnGroup[] = []
  for (const sex of ['L', 'P'] as const) {
    for (const age of AGE_GROUPS) {
      const key = `${sex}|${age}`
      const pick = (c: Count): Count => {
        const memberIds = c.memberIds.filter((id) => groupOf.get(id) === key)
        return { value: memberIds.length, memberIds }
      }
      const counts = {} as Record<Letter, Count>
      for (const letter of LETTERS) counts[letter] = pick(skdn[letter])
      rows.push({ sex, age, counts, DS: ratio(counts.D, counts.S), ND: ratio(counts.N, counts.D) })
    }
  }
  return rows
}

export const NUTRITION = ['stunting', 'wasting', 'underweight'] as const
export type Nutrition = (typeof NUTRITION)[number]

/** Prevalence among the children weighed this month (D), each at her latest weighing of the month. */
export function nutritionPrevalence(month: Month, skdn: Skdn): Record<Nutrition, Ratio> {
  const checked = { stunting: new Tally(), wasting: new Tally(), underweight: new Tally() }
  const atRisk = { stunting: new Tally(), wasting: new Tally(), underweight: new Tally() }
  for (const id of skdn.D.memberIds) {
    const person = month.people.get(id)
    const weighing = person?.inMonth.findLast((v) => isWeight(v.parts.balita?.weightKg))
    if (!person || !weighing) continue
    const findings = month.read(person, weighing).parts.find((p) => p.part === 'balita')?.findings ?? []
    for (const kind of NUTRITION) {
      const rule = RISK_RULES[kind]
      if (!findings.some((f) => rule.checked(f.code))) continue
      checked[kind].add(id)
      if (findings.some((f) => rule.atRisk(f.code))) atRisk[kind].add(id)
    }
  }
  return {
    stunting: ratio(atRisk.stunting.count(), checked.stunting.count()),
    wasting: ratio(atRisk.wasting.count(), checked.wasting.count()),
    underweight: ratio(atRisk.underweight.count(), checked.underweight.count()),
  }
}
