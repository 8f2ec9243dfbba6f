// The month's people, indexed once for every section of the PWS report: who counts (households not deleted,
// members born by the month's last day), their current visits up to that day, and each visit read once however
// many figures look at it.
import type { ClinicalSettings } from '../clinical-settings'
import { daysInMonth, isIsoDate } from '../dates'
import type { Finding } from '../findings'
import { type LifeStage, type MemberStages, memberStages } from '../lifecycle'
import { SCREENING_PARTS, type ScreeningPart } from '../screening'
import { type FindingsVisit, type VisitPayloadParts, visitFindings } from '../visit-findings'
import { balitaReading, type MonthWeighing, monthlyWeighings } from './balita-reading'
import type { PwsHousehold, PwsInput, PwsMember, PwsVisit } from './types'

/** SKDN balita, 0–59 completed months (§3.2): lifecycle.ts's stages under 60 months. */
const SKDN_STAGES: readonly LifeStage[] = ['bayi_baru_lahir', 'bayi', 'balita']

export interface PartFindings {
  part: ScreeningPart
  findings: Finding[]
}

export interface ReadVisit {
  parts: PartFindings[]
  /** Every part's findings together. */
  all: Finding[]
}

export interface Person {
  member: PwsMember
  stages: MemberStages
  /** In S (SKDN balita) on the reference date. */
  inS: boolean
  /** Current visits up to the reference date, by date then id. */
  visits: PwsVisit[]
  /** The same, in the month. */
  inMonth: PwsVisit[]
  weighings?: MonthWeighing[]
}

export interface Month {
  /** The month's first and last day ('YYYY-MM-DD'); the last is the reference date. */
  first: string
  last: string
  households: Map<string, PwsHousehold>
  people: Map<string, Person>
  /** The member of each visit a follow-up names. */
  visitMember: Map<string, string>
  /** The visit's findings per part, read on its date; cached. */
  read(person: Person, visit: PwsVisit): ReadVisit
}

/** Indexes the input. Throws RangeError when `input.month` is not 'YYYY-MM'. */
export function indexMonth(input: PwsInput): Month {
  const { first, last } = monthBounds(input.month)
  const { settings } = input

  const households = new Map<string, PwsHousehold>()
  for (const h of input.households) if (!h.deleted) households.set(h.id, h)

  // Index once: people by id, then each person's current visits.
  const people = new Map<string, Person>()
  for (const m of input.members) {
    if (m.deleted || !households.has(m.householdId) || !isIsoDate(m.birthDate)) continue
    // Closed before the month began: no longer sasaran (clinical-rules.md §3.2); closed during it, still counted.
    if (m.closure && m.closure.date < first) continue
    const stages = memberStages(m, last)
    if (!stages) continue // born after the month
    const inS = SKDN_STAGES.includes(stages.stage)
    people.set(m.id, { member: m, stages, inS, visits: [], inMonth: [] })
  }
  // isIsoDate parses the date; an area has a few hundred distinct visit dates, so each is checked once.
  const validDates = new Map<string, boolean>()
  const validDate = (date: string) => {
    let ok = validDates.get(date)
    if (ok === undefined) {
      ok = isIsoDate(date)
      validDates.set(date, ok)
    }
    return ok
  }
  const superseded = new Set<string>()
  for (const v of input.visits) if (!v.deleted && v.supersedes) superseded.add(v.supersedes)
  // Follow-ups name a visit; only those visits' members are looked up.
  const followedUp = new Set(input.followUps.map((f) => f.visitId))
  const visitMember = new Map<string, string>()
  for (const v of input.visits) {
    const person = v.deleted ? undefined : people.get(v.memberId)
    if (!person) continue
    if (followedUp.has(v.id)) visitMember.set(v.id, v.memberId)
    if (superseded.has(v.id) || !validDate(v.date) || v.date > last || v.date < person.member.birthDate)
      continue
    person.visits.push(v)
  }
  for (const person of people.values()) {
    person.visits.sort(byDateThenId)
    // A copy of the Buku KIA is history (doses, contacts), not the month's work: it counts in no monthly figure.
    person.inMonth = person.visits.filter((v) => v.date >= first && v.place !== 'buku_kia')
  }

  const cache = new Map<string, ReadVisit>()
  const read = (person: Person, visit: PwsVisit): ReadVisit => {
    let found = cache.get(visit.id)
    if (!found) {
      const parts = readVisit(person, visit, settings)
      found = { parts, all: parts.flatMap((p) => p.findings) }
      cache.set(visit.id, found)
    }
    return found
  }
  return { first, last, households, people, visitMember, read }
}

/** Each part of the visit with its findings, read on the visit date (visit-findings.ts, balita-reading.ts). */
function readVisit(person: Person, visit: PwsVisit, settings: ClinicalSettings): PartFindings[] {
  const { member } = person
  const result: PartFindings[] = []
  for (const part of SCREENING_PARTS) {
    const payload = visit.parts[part]
    if (!payload) continue
    if (part === 'balita') {
      const s = visit.parts.balita as NonNullable<VisitPayloadParts['balita']>
      const findings = balitaReading(visit, s, {
        member,
        settings,
        history: () => person.visits.filter((h) => byDateThenId(h, visit) < 0),
        weighings: () => {
          person.weighings ??= monthlyWeighings(person.visits, member.birthDate)
          return person.weighings
        },
      })
      result.push({ part, findings })
    } else {
      // Only the balita part reads earlier visits; the others need none.
      const single: FindingsVisit = { date: visit.date, parts: { [part]: payload } }
      result.push({ part, findings: visitFindings(single, member, [], settings) })
    }
  }
  return result
}

const MONTH_RE = /^(\d{4})-(\d{2})$/

function monthBounds(month: string): { first: string; last: string } {
  const match = MONTH_RE.exec(month)
  const m = Number(match?.[2])
  if (!match || m < 1 || m > 12) throw new RangeError(`Not a month: '${month}' (expected YYYY-MM)`)
  return {
    first: `${month}-01`,
    last: `${month}-${String(daysInMonth(Number(match[1]), m)).padStart(2, '0')}`,
  }
}

function byDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
