// ANC contacts per trimester, counted by ibu-hamil.ts ancByTrimester against settings.ancPerTrimester.
import { MAX_GESTATION_DAYS, pregnancy } from '../lifecycle'
import { ancByTrimester } from '../screening/ibu-hamil'
import { addDays } from './calendar'
import type { CurrentVisits, RuleContext, TaskDraft } from './task'
import type { ScheduleMember, ScheduleVisit, TaskRule } from './types'

const RULES: Record<1 | 2 | 3, TaskRule> = { 1: 'anc_tm1', 2: 'anc_tm2', 3: 'anc_tm3' }

const SOURCE =
  'Permenkes 21/2021, Buku KIA: ANC per trimester, split from settings (clinical-rules.md §2.2) [S]; kunjungan khusus ' +
  '"bumil who missed ANC" (§3.1) [V]'

/**
 * One task per trimester with a required count (settings.ancPerTrimester), for a woman pregnant today:
 *   - window: the trimester (settings.ancTrimesterStartWeeks; TM3 ends at the HPL);
 *   - done once the trimester has its contacts (the ANC contacts copied from the Buku KIA into any visit's ibu
 *     hamil part, placed in trimesters by ancByTrimester);
 *   - a trimester that ended short is overdue — it can no longer be made up, so the home visit is about getting
 *     her back to the bidan: the next ANC contact after the trimester resolves it (the shortfall stays in
 *     ancByTrimester for the PWS). Tasks end with the pregnancy (delivery, or lifecycle's 44-week limit).
 */
export function ancTasks(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): TaskDraft[] {
  const { hpht, deliveryDate } = member
  if (member.sex !== 'P' || hpht === undefined) return []
  const now = pregnancy(hpht, ctx.today, deliveryDate)
  if (!now) return []

  // The visit that first recorded each contact day.
  const recordedBy = new Map<string, ScheduleVisit>()
  for (const v of visits) {
    for (const c of v.parts.ibu_hamil?.ancContacts ?? [])
      if (!recordedBy.has(c.date)) recordedBy.set(c.date, v)
  }
  const days = [...recordedBy.keys()].sort()
  const counts = ancByTrimester(
    hpht,
    days.map((date) => ({ date })),
    ctx.today,
    ctx.settings,
  )
  // Each contact day's trimester, as ancByTrimester places it (undefined: it does not count).
  const trimesterOf = (date: string) =>
    ancByTrimester(hpht, [{ date }], ctx.today, ctx.settings).find((c) => c.done > 0)?.trimester

  const [start2, start3] = ctx.settings.ancTrimesterStartWeeks
  const starts = [hpht, addDays(hpht, start2 * 7), addDays(hpht, start3 * 7)]
  const lastDay = addDays(hpht, MAX_GESTATION_DAYS)

  return counts.flatMap((count): TaskDraft[] => {
    const t = count.trimester
    if (count.required <= 0) return []
    const dueFrom = starts[t - 1] as string
    const dueTo = t === 3 ? now.hpl : addDays(starts[t] as string, -1)
    const tally = `${count.done}/${count.required}`
    const inTrimester = days.filter((d) => trimesterOf(d) === t)
    const completing = count.done >= count.required ? inTrimester[count.required - 1] : undefined
    // Back in ANC care after a trimester that ended short.
    const returned =
      completing === undefined && ctx.today > dueTo
        ? days.find((d) => d > dueTo && d <= ctx.today)
        : undefined
    const doneOn = completing ?? returned
    const doneBy = doneOn === undefined ? undefined : recordedBy.get(doneOn)?.id
    return [
      {
        rule: RULES[t],
        member,
        reason: {
          id: `ANC trimester ${t}: ${tally} kunjungan — ajak periksa ke bidan`,
          en: `ANC trimester ${t}: ${tally} contacts — encourage a check-up with the midwife`,
        },
        dueFrom,
        dueTo,
        lastDay,
        ...(doneBy !== undefined && doneOn !== undefined ? { doneBy, doneOn } : {}),
        source: SOURCE,
      },
    ]
  })
}
