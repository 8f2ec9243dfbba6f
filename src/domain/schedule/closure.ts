// A closed case (pindah, meninggal, tidak ditemukan; protocol/records.ts closure): from its date the person has no
// task — they leave the schedule, their history stays. One exception: the death of a mother (pregnant or in nifas)
// or of a baby under one year is reported to the bidan at once, for the maternal and perinatal death review
// (clinical-rules.md §3.1) [K].
import { addDays } from '../dates'
import { memberStages } from '../lifecycle'
import type { TaskDraft } from './task'
import type { ScheduleMember } from './types'

const SOURCE = 'Surveilans kematian ibu dan bayi, lapor ke bidan (clinical-rules.md §3.1) [K]'
// Reported the day of the death or the next, as an urgent referral's follow-up is (referrals/history.ts).
const REPORT_WITHIN_DAYS = 1

/** Whether the member's case is closed on `today`: then closedTasks replaces every other rule. */
export function closedOn(member: ScheduleMember, today: string): boolean {
  return member.closure !== undefined && member.closure.date <= today
}

/** The tasks of a closed case: none, or the report of a mother's or a baby's death. */
export function closedTasks(member: ScheduleMember): TaskDraft[] {
  const c = member.closure
  if (c?.reason !== 'meninggal') return []
  const stages = memberStages(member, c.date)
  const baby = stages?.stage === 'bayi_baru_lahir' || stages?.stage === 'bayi'
  const mother = stages?.overlays.includes('ibu_hamil') || stages?.overlays.includes('ibu_nifas')
  if (!baby && !mother) return []
  const draft: TaskDraft = {
    rule: 'lapor_kematian',
    member,
    reason: {
      id: baby ? 'bayi meninggal — lapor segera ke bidan' : 'ibu meninggal — lapor segera ke bidan',
      en: baby ? 'baby died — report to the midwife now' : 'mother died — report to the midwife now',
    },
    dueFrom: c.date,
    dueTo: addDays(c.date, REPORT_WITHIN_DAYS),
    source: SOURCE,
  }
  if (c.reportedOn !== undefined) {
    draft.doneBy = `closure:${member.id}`
    draft.doneOn = c.reportedOn
  }
  return [draft]
}
