// KN1–KN3 for the newborn (from the birth date) and KF1–KF4 for the mother (from her delivery date), in the
// windows of neonatus.ts knSchedule and nifas.ts kfSchedule (Permenkes 21/2021, clinical-rules.md §2.2 [K, S]).

import { daysBetween } from '../dates'
import type { LifeStage } from '../lifecycle'
import type { ContactVisit, ContactWindow, WindowBound } from '../screening/contact-windows'
import { KN_WINDOWS, knSchedule } from '../screening/neonatus'
import { KF_WINDOWS, kfSchedule } from '../screening/nifas'
import type { Bilingual, Lang } from '../text'
import { type CurrentVisits, RECENT_DAYS, type RuleContext, type TaskDraft, UNDER_FIVE } from './task'
import type { ScheduleMember, ScheduleVisit, TaskRule } from './types'

const SOURCE_KN =
  'Permenkes 21/2021 KN1–KN3 (clinical-rules.md §2.2) [K, S]; kunjungan khusus neonatus (§3.1) [V]'
const SOURCE_KF =
  'Permenkes 21/2021 KF1–KF4 (clinical-rules.md §2.2) [K, S]; kunjungan khusus nifas (§3.1) [V]'

// KF4 closes on day 42; a week more keeps the expired task listed for the weekly report (task.ts RECENT_DAYS).
const POSTNATAL_DAYS = 42 + RECENT_DAYS

/**
 * A contact is done once a visit's neonatus part records it (copied from the Buku KIA, with the date it happened),
 * whenever that was — knSchedule's rule. No contact can be made up after its window, so a missed one is 'expired'
 * the day after, never 'overdue': the next contact's window is already open.
 */
export function knTasks(
  member: ScheduleMember,
  visits: CurrentVisits,
  ctx: RuleContext,
  stage: LifeStage,
): TaskDraft[] {
  if (!UNDER_FIVE.has(stage) || !recent(member.birthDate, ctx.today)) return []
  const recorded = contactRecords(visits, (v) => v.parts.neonatus?.knVisits)
  const birthTime = lastDefined(visits, (v) => v.parts.neonatus?.birthTime)
  const windows = knSchedule(
    { date: member.birthDate, ...(birthTime ? { time: birthTime } : {}) },
    recorded.map((r) => r.contact),
    { today: ctx.today },
  )
  return windows.map((w) =>
    draft(member, w, recorded, {
      rule: w.contact.toLowerCase() as TaskRule,
      span: span(KN_WINDOWS, w.contact),
      reason: {
        id: 'kunjungan neonatal — ingatkan/dampingi ke bidan, cek tanda bahaya bayi',
        en: 'neonatal visit — remind or accompany to the midwife, check the baby’s danger signs',
      },
      source: SOURCE_KN,
    }),
  )
}

/** KF1–KF4 for a woman with a recorded delivery; same rules as knTasks, from the nifas part's kfVisits. */
export function kfTasks(member: ScheduleMember, visits: CurrentVisits, ctx: RuleContext): TaskDraft[] {
  const { deliveryDate } = member
  if (member.sex !== 'P' || deliveryDate === undefined || !recent(deliveryDate, ctx.today)) return []
  const recorded = contactRecords(visits, (v) => v.parts.nifas?.kfVisits)
  const deliveryTime = lastDefined(visits, (v) => v.parts.nifas?.deliveryTime) ?? member.delivery?.time
  const windows = kfSchedule(
    { date: deliveryDate, ...(deliveryTime ? { time: deliveryTime } : {}) },
    recorded.map((r) => r.contact),
    { today: ctx.today },
  )
  return windows.map((w) =>
    draft(member, w, recorded, {
      rule: w.contact.toLowerCase() as TaskRule,
      span: span(KF_WINDOWS, w.contact),
      reason: {
        id: 'kunjungan nifas — ingatkan/dampingi ke bidan, cek tanda bahaya nifas',
        en: 'postpartum visit — remind or accompany to the midwife, check the mother’s danger signs',
      },
      source: SOURCE_KF,
    }),
  )
}

function recent(date: string, today: string): boolean {
  const days = daysBetween(date, today)
  return days >= 0 && days <= POSTNATAL_DAYS
}

interface ContactRecord<C extends string> {
  contact: ContactVisit<C>
  visit: ScheduleVisit
}

function contactRecords<C extends string>(
  visits: CurrentVisits,
  read: (v: ScheduleVisit) => readonly ContactVisit<C>[] | undefined,
): ContactRecord<C>[] {
  return visits.flatMap((visit) => (read(visit) ?? []).map((contact) => ({ contact, visit })))
}

function lastDefined<T>(visits: CurrentVisits, read: (v: ScheduleVisit) => T | undefined): T | undefined {
  for (let i = visits.length - 1; i >= 0; i--) {
    const value = read(visits[i] as ScheduleVisit)
    if (value !== undefined) return value
  }
  return undefined
}

function draft<C extends string>(
  member: ScheduleMember,
  w: ContactWindow<C>,
  recorded: readonly ContactRecord<C>[],
  rule: {
    rule: TaskRule
    span: Bilingual
    reason: Bilingual
    source: string
  },
): TaskDraft {
  const dueTo = w.closes.slice(0, 10)
  // The visit that recorded the contact knSchedule/kfSchedule counted (the earliest).
  const by =
    w.state === 'done'
      ? recorded.find((r) => r.contact.contact === w.contact && r.contact.date === w.doneOn)
      : undefined
  return {
    rule: rule.rule,
    member,
    reason: {
      id: `${w.contact} (${rule.span.id}): ${rule.reason.id}`,
      en: `${w.contact} (${rule.span.en}): ${rule.reason.en}`,
    },
    dueFrom: w.opens.slice(0, 10),
    dueTo,
    lastDay: dueTo,
    ...(by ? { doneBy: by.visit.id, doneOn: by.contact.date } : {}),
    source: rule.source,
  }
}

function span<C extends string>(
  definitions: readonly { contact: C; from: WindowBound; to: WindowBound }[],
  contact: C,
): Bilingual {
  const def = definitions.find((d) => d.contact === contact)
  if (!def) return { id: '', en: '' }
  const bound = (b: WindowBound, lang: Lang) =>
    'hours' in b ? `${b.hours} ${lang === 'id' ? 'jam' : 'h'}` : `${lang === 'id' ? 'hari' : 'day'} ${b.day}`
  return {
    id: `${bound(def.from, 'id')} – ${bound(def.to, 'id')}`,
    en: `${bound(def.from, 'en')} – ${bound(def.to, 'en')}`,
  }
}
