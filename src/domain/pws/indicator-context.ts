// What every PWS indicator reads, built once from the month's index (month.ts): the reporting window, follow-ups by
// member, and each person's recorded contacts (ANC, KF, KN) — so the KIA, immunisation and stage indicators share
// one reading of the records.
import { ageOn } from '../age'
import type { ClinicalSettings } from '../clinical-settings'
import { addDays, daysBetween } from '../dates'
import { MAX_GESTATION_DAYS } from '../lifecycle'
import type { ContactVisit } from '../screening/contact-windows'
import { trimesterAt } from '../screening/ibu-hamil'
import type { Month, Person } from './month'
import type { PwsFollowUp, PwsVisit } from './types'

export interface IndicatorContext {
  month: Month
  settings: ClinicalSettings
  /** 'YYYY' of the reported month: cumulative figures run from its January. */
  year: number
  /**
   * First day of the 12 calendar months that end with the reported month. An indicator's registered sasaran of
   * births, deliveries and pregnancies is those that fell in this window — one year's worth in any month.
   */
  windowStart: string
  /** Current follow-ups up to the reference date, by member. */
  followUps: ReadonlyMap<string, readonly PwsFollowUp[]>
}

export function indicatorContext(
  month: Month,
  followUps: readonly PwsFollowUp[],
  settings: ClinicalSettings,
) {
  const byMember = new Map<string, PwsFollowUp[]>()
  for (const f of followUps) {
    const memberId = month.visitMember.get(f.visitId)
    if (f.deleted || f.date > month.last || memberId === undefined) continue
    const list = byMember.get(memberId)
    if (list) list.push(f)
    else byMember.set(memberId, [f])
  }
  const context: IndicatorContext = {
    month,
    settings,
    year: Number(month.first.slice(0, 4)),
    windowStart: monthsBefore(month.first, 11),
    followUps: byMember,
  }
  return context
}

/** The first day of the month `n` months before the month of `first` ('YYYY-MM-01'). */
export function monthsBefore(first: string, n: number): string {
  const index = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 - n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

/** Whole years of age on the reference date. */
export const yearsOld = (person: Person, ctx: IndicatorContext) =>
  ageOn(person.member.birthDate, ctx.month.last).years

/** Within the 12-month window that ends on the reference date. */
export const inWindow = (date: string | undefined, ctx: IndicatorContext) =>
  date !== undefined && date >= ctx.windowStart && date <= ctx.month.last

export interface AncContactDay {
  /** 'YYYY-MM-DD' */
  date: string
  /** Any record of this day says a doctor saw her. */
  byDoctor: boolean
  trimester: 1 | 2 | 3
}

/**
 * The ANC contact days of the member's current pregnancy (the HPHT on her record), oldest first: every visit's ibu
 * hamil part copies the Buku KIA's contacts, so a day is one contact however often it was copied. Days before the
 * HPHT, after the delivery (or past 44 weeks without one) or after the reference date belong to no pregnancy here.
 */
export function ancContactDays(person: Person, ctx: IndicatorContext): AncContactDay[] {
  const { hpht, deliveryDate } = person.member
  if (hpht === undefined) return []
  const end =
    deliveryDate !== undefined && deliveryDate >= hpht ? deliveryDate : addDays(hpht, MAX_GESTATION_DAYS)
  // ISO dates order as strings: the earlier of the pregnancy's end and the reference date.
  const last = [end, ctx.month.last].sort()[0] as string
  const days = new Map<string, boolean>()
  for (const v of person.visits) {
    for (const c of v.parts.ibu_hamil?.ancContacts ?? []) {
      if (c.date < hpht || c.date > last) continue
      days.set(c.date, (days.get(c.date) ?? false) || c.byDoctor === true)
    }
  }
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, byDoctor]) => ({
      date,
      byDoctor,
      trimester: trimesterAt(Math.floor(daysBetween(hpht, date) / 7), ctx.settings),
    }))
}

/** Every contact the member's visits record with `read`, and the latest time of birth/delivery recorded. */
export function recordedContacts<C extends string>(
  visits: readonly PwsVisit[],
  read: (v: PwsVisit) => { contacts?: readonly ContactVisit<C>[]; time?: string } | undefined,
): { contacts: ContactVisit<C>[]; time?: string } {
  const contacts: ContactVisit<C>[] = []
  let time: string | undefined
  for (const v of visits) {
    const r = read(v)
    if (!r) continue
    contacts.push(...(r.contacts ?? []))
    if (r.time !== undefined) time = r.time
  }
  return time === undefined ? { contacts } : { contacts, time }
}
