// TBC household contacts: a member with a 'tbc.terduga' finding (≥ 2 symptoms, dewasa.ts) is an index case, and
// everyone else in the household is to be asked about TBC symptoms — "TBC contact of an index case" (clinical-rules.md
// §3.1 [V]; the home-visit form's TBC checklist and "kontak serumah/erat", §2.4 [S]).
import { toDayMonthYear } from '../dates'
import { lifeStage } from '../lifecycle'
import { TBC_SYMPTOMS_FOR_TERDUGA } from '../screening/dewasa'
import { visitFindings } from '../visit-findings'
import { addDays } from './calendar'
import type { CurrentVisits, RuleContext, TaskDraft } from './task'
import type { ScheduleMember, ScheduleVisit } from './types'

// Contact investigation within 2 weeks of finding the index case: Kemenkes Juknis Investigasi Kontak TBC [K — not
// re-checked; verify with the puskesmas TB officer] (clinical-rules.md §3.1).
export const TBC_CONTACT_DUE_DAYS = 14
// Project rule: three months on, asking the contacts about this index case no longer makes sense — symptoms that
// appear later are caught by the routine visits and yearly screening. A terduga finding after that starts anew.
export const TBC_CONTACT_LAST_DAY = 90

const SOURCE =
  'Kunjungan khusus "TBC contact of an index case" (clinical-rules.md §3.1) [V]; checklist TBC, kontak serumah (§2.4) ' +
  `[S]; ${TBC_CONTACT_DUE_DAYS} days: Juknis Investigasi Kontak [K]`

export interface HouseholdMember {
  member: ScheduleMember
  visits: CurrentVisits
}

interface IndexCase {
  memberId: string
  date: string
}

/**
 * Once per household and index episode: the episode starts with the first terduga finding; terduga findings of any
 * member within TBC_CONTACT_LAST_DAY days belong to it (each of those members is an index case, not a contact).
 * Each other member gets one task, due for TBC_CONTACT_DUE_DAYS, overdue until TBC_CONTACT_LAST_DAY, done by their
 * first visit from the episode's start that asked the TBC symptoms (the dewasa/lansia part's checklist; for
 * children and remaja, whose parts have no TBC questions, any visit — the kader used the TBC checklist).
 */
export function tbcContactTasks(household: readonly HouseholdMember[], ctx: RuleContext): TaskDraft[] {
  const cases = household.flatMap(({ member, visits }) => indexCases(member, visits, ctx)).sort(byDate)
  const episodes: IndexCase[][] = []
  for (const c of cases) {
    const current = episodes.at(-1)
    const start = current?.[0]
    if (current && start && c.date <= addDays(start.date, TBC_CONTACT_LAST_DAY)) current.push(c)
    else episodes.push([c])
  }
  return episodes.flatMap((episode) => {
    const start = (episode[0] as IndexCase).date
    const indexIds = new Set(episode.map((c) => c.memberId))
    const dueTo = addDays(start, TBC_CONTACT_DUE_DAYS)
    const lastDay = addDays(start, TBC_CONTACT_LAST_DAY)
    return household
      .filter(({ member }) => !indexIds.has(member.id))
      .map(({ member, visits }): TaskDraft => {
        const done = visits.find((v) => v.date >= start && v.date <= lastDay && askedAboutTbc(member, v))
        return {
          rule: 'tbc_kontak',
          member,
          reason: {
            id: `Kontak serumah terduga TBC (${toDayMonthYear(start)}) — tanyakan gejala TBC, ajak periksa bila ada`,
            en: `Household contact of a presumptive TB case (${start}) — ask about TB symptoms, refer if any`,
          },
          dueFrom: start,
          dueTo,
          lastDay,
          ...(done ? { doneBy: done.id, doneOn: done.date } : {}),
          source: SOURCE,
        }
      })
  })
}

function indexCases(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): IndexCase[] {
  return (
    visits
      // Terduga needs TBC_SYMPTOMS_FOR_TERDUGA symptoms ticked in one part (dewasa.ts): skip reading the other visits.
      .filter(
        (v) =>
          (v.parts.dewasa?.tbcSymptoms?.length ?? 0) >= TBC_SYMPTOMS_FOR_TERDUGA ||
          (v.parts.lansia?.tbcSymptoms?.length ?? 0) >= TBC_SYMPTOMS_FOR_TERDUGA,
      )
      // History only matters to the balita part, not to the TBC symptoms.
      .filter((v) =>
        visitFindings(v, member, [], ctx.settings).some((f) => f.code === TERDUGA && f.level === 'rujuk'),
      )
      .map((v) => ({ memberId: member.id, date: v.date }))
  )
}

const TERDUGA = 'tbc.terduga'

function askedAboutTbc(member: ScheduleMember, v: ScheduleVisit): boolean {
  const stage = lifeStage(member.birthDate, v.date)
  if (stage !== 'dewasa' && stage !== 'lansia') return true
  return v.parts.dewasa?.tbcSymptoms !== undefined || v.parts.lansia?.tbcSymptoms !== undefined
}

const byDate = (a: IndexCase, b: IndexCase): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
