// Yearly screening of dewasa and lansia, counted per instrument from the last screening WITH THAT INSTRUMENT:
// "annual screens (SRQ-20, PTM, lansia AKS/SKILAS) overdue" (clinical-rules.md §3.1 [V]); lansia "at least once a year"
// (§2.5 [S]); SRQ-20 "at least once a year" (§2.4 [V]). A full SKILAS today says nothing about the AKS, and a blood
// pressure says nothing about the SRQ-20.
import type { LifeStage } from '../lifecycle'
import type { Bilingual } from '../text'
import { addDays, addMonths, later } from './calendar'
import { registeredOn } from './registration'
import type { CurrentVisits, RuleContext, TaskDraft } from './task'
import type { ScheduleMember, ScheduleVisit, TaskRule } from './types'

const SCREENING_INTERVAL_MONTHS = 12
// Project rule: due during the month after the anniversary — long enough to fold it into a routine visit or the
// next open day — then overdue. It never expires: a yearly screening is always worth doing.
const DUE_FOR_MONTHS = 1

interface Instrument {
  name: Bilingual
  /** Age in years from which it is asked (lifecycle.ts bands). */
  fromYears: number
  /** Whether a visit did it. */
  done: (v: ScheduleVisit) => boolean
}

const adultPart = (v: ScheduleVisit) => v.parts.lansia ?? v.parts.dewasa

// PTM: blood pressure is the item every PTM form measures (Kartu Bantu dewasa, clinical-rules.md §5) [S]; from 19 y, the
// dewasa stage (Panduan Posyandu 2023, §1.2) [V]. Any part's reading counts: one BP per visit.
const PTM: Instrument = {
  name: { id: 'PTM (tekanan darah)', en: 'NCD (blood pressure)' },
  fromYears: 19,
  done: (v) =>
    [v.parts.dewasa, v.parts.lansia, v.parts.remaja, v.parts.ibu_hamil].some(
      (p) => p?.systolicMmHg !== undefined || p?.diastolicMmHg !== undefined,
    ),
}
// Kesehatan jiwa: SRQ-20, or PHQ-2 + GAD-2 where the setting says so (§2.4).
const JIWA: Instrument = {
  name: { id: 'kesehatan jiwa (SRQ-20)', en: 'mental health (SRQ-20)' },
  fromYears: 19,
  done: (v) => {
    const p = adultPart(v)
    return (p?.srq20?.some((a) => a !== null) ?? false) || p?.phq2 !== undefined || p?.gad2 !== undefined
  },
}
// SKILAS and AKS, each at least once a year from 60 y (§2.5) [S].
const SKILAS: Instrument = {
  name: { id: 'SKILAS', en: 'SKILAS' },
  fromYears: 60,
  done: (v) => v.parts.lansia?.skilas !== undefined,
}
const AKS: Instrument = {
  name: { id: 'AKS', en: 'ADL (AKS)' },
  fromYears: 60,
  done: (v) => v.parts.lansia?.aks !== undefined,
}

interface YearlyRule {
  rule: TaskRule
  instruments: readonly Instrument[]
  reason: (names: Bilingual) => Bilingual
  source: string
}

const DEWASA: YearlyRule = {
  rule: 'skrining_dewasa',
  instruments: [PTM, JIWA],
  reason: (names) => ({
    id: `Skrining tahunan: ${names.id} — kunjungi atau ajak ke posyandu`,
    en: `Yearly screening: ${names.en} — visit or invite to the posyandu`,
  }),
  source: 'Juknis ILP: skrining PTM/jiwa tahunan (clinical-rules.md §2.4 [V], §3.1 [V])',
}

const LANSIA: YearlyRule = {
  rule: 'skrining_lansia',
  instruments: [PTM, JIWA, SKILAS, AKS],
  reason: (names) => ({
    id: `Skrining tahunan lansia: ${names.id} — kunjungi atau ajak ke posyandu`,
    en: `Yearly older-person screening: ${names.en} — visit or invite to the posyandu`,
  }),
  source: 'Juknis ILP: AKS + SKILAS minimal setahun sekali (clinical-rules.md §2.5 [S], §3.1 [V])',
}

/**
 * One task per member for the instruments due: each is due from a year after its last screening or, never
 * screened, from the day the person entered its age band or was registered, whichever is later — never overdue from
 * before we knew them. The task's window is the earliest of them, for DUE_FOR_MONTHS, then overdue. When nothing
 * is due, the visit that did the last due screening is listed as done for a week.
 */
export function yearlyScreeningTasks(
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  stage: LifeStage,
): TaskDraft[] {
  const rule = stage === 'dewasa' ? DEWASA : stage === 'lansia' ? LANSIA : undefined
  if (!rule) return []
  const registered = registeredOn(member)
  const next = rule.instruments.map((instrument) => {
    // The birthday in that year; born on 29 February → 1 March in a common year, the day ageOn (age.ts) turns it.
    const starts = addMonths(member.birthDate, instrument.fromYears * 12)
    const firstDue = registered === undefined ? starts : later(starts, registered)
    const [last, previous] = lastTwo(visits, instrument)
    return { instrument, last, due: dueAfter(last, firstDue), dueBefore: dueAfter(previous, firstDue) }
  })
  const due = next.filter((n) => n.due <= ctx.horizon)
  if (due.length > 0) {
    const dueFrom = due.map((n) => n.due).sort()[0] as string
    return [
      draft(
        rule,
        member,
        dueFrom,
        due.map((n) => n.instrument),
      ),
    ]
  }
  // Nothing due: was the latest screening the one that did the task?
  const latest = next
    .flatMap((n) => (n.last && n.last.date >= n.dueBefore ? [n] : []))
    .sort((a, b) => (a.last?.date ?? '').localeCompare(b.last?.date ?? ''))
    .at(-1)?.last
  if (!latest) return []
  const doneNow = next.filter((n) => n.last === latest && latest.date >= n.dueBefore)
  const dueFrom = doneNow.map((n) => n.dueBefore).sort()[0] as string
  const done = draft(
    rule,
    member,
    dueFrom,
    doneNow.map((n) => n.instrument),
  )
  done.doneBy = latest.id
  done.doneOn = latest.date
  return [done]
}

/** The last two visits (newest first) that did the instrument; visits are oldest first. */
function lastTwo(visits: CurrentVisits, instrument: Instrument): [ScheduleVisit?, ScheduleVisit?] {
  let last: ScheduleVisit | undefined
  for (let i = visits.length - 1; i >= 0; i -= 1) {
    const v = visits[i] as ScheduleVisit
    if (!instrument.done(v)) continue
    if (last === undefined) last = v
    else return [last, v]
  }
  return [last]
}

function dueAfter(screening: ScheduleVisit | undefined, firstDue: string): string {
  return screening === undefined
    ? firstDue
    : later(addMonths(screening.date, SCREENING_INTERVAL_MONTHS), firstDue)
}

function draft(
  rule: YearlyRule,
  member: ScheduleMember,
  dueFrom: string,
  instruments: readonly Instrument[],
): TaskDraft {
  const names = {
    id: instruments.map((i) => i.name.id).join(', '),
    en: instruments.map((i) => i.name.en).join(', '),
  }
  return {
    rule: rule.rule,
    member,
    reason: rule.reason(names),
    dueFrom,
    dueTo: addDays(addMonths(dueFrom, DUE_FOR_MONTHS), -1),
    source: rule.source,
  }
}
