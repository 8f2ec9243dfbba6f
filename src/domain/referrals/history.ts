// The life of every referral of a member, read from the records alone — their visits (with findings) and the
// follow-ups — so that every phone derives the same referrals and nothing about them can conflict in sync.
//
// Rules (clinical-rules.md §3.1):
//   - A visit's 'rujuk' findings open one referral per problem (problems.ts): the items that referred are its open
//     items. A problem with a referral already open adds the items to it instead of opening a second one.
//   - A referral closes only (a) by a follow-up naming one of its visits with a closing outcome (sampai di faskes,
//     menolak, pindah, meninggal — not "belum berangkat"), or (b) when a later visit has measured every open item
//     again and none of them refers any more. A visit that did not measure an item leaves it open, whatever else it
//     found.
//   - Events in date order; on one day visits come before follow-ups (the follow-up is about the referral as it
//     stands that day), visits of a day in id order (UUID v7: creation order). A closing follow-up closes what is
//     open on its date; a referring visit after it opens a new referral.
//   - A case closed (pindah, meninggal, tidak ditemukan — member.closure) closes what is open on its date.
//   - Urgency: segera when a finding of the open items is urgent (Finding.urgent, set next to each rule's cut-off);
//     biasa otherwise. A follow-up of a segera referral is due the same day and the next, of a biasa one from the
//     next day for REFERRAL_FOLLOW_UP_DAYS (clinical-rules.md §3.1: the kader's weekly report to the pustu).
import { addDays } from '../dates'
import type { Finding } from '../findings'
import {
  type Destination,
  defaultDestination,
  isReferralProblem,
  problemItemOf,
  problemOf,
  type ReferralProblem,
} from './problems'

export type FollowUpOutcome =
  | 'sampai'
  | 'belum_berangkat'
  | 'menolak'
  | 'pindah'
  | 'meninggal'
  /** Recorded before 'sampai' existed: the person reached the pustu / the puskesmas. */
  | 'sudah_ke_pustu'
  | 'sudah_ke_puskesmas'

/** Outcomes that end a referral: the person got there, refused (with a reason), moved away or died. */
export const CLOSING_OUTCOMES: readonly FollowUpOutcome[] = [
  'sampai',
  'sudah_ke_pustu',
  'sudah_ke_puskesmas',
  'menolak',
  'pindah',
  'meninggal',
]

export type Urgency = 'segera' | 'biasa'

// A biasa referral: the kader should know by the next weekly meeting at the pustu whether the person went
// (Panduan Posyandu 2023: weekly report and Form tindak lanjut, clinical-rules.md §3.1 [V]) — project rule.
export const REFERRAL_FOLLOW_UP_DAYS = 7
// A segera referral (danger sign, severe value): the person should be at the facility today; the kader checks
// the same day or the next — project rule (clinical-rules.md §3.1).
export const URGENT_FOLLOW_UP_DAYS = 1

export interface ReferralVisit {
  id: string
  memberId: string
  /** 'YYYY-MM-DD' */
  date: string
  /** Id of the visit that corrects this one, when known. */
  supersededBy?: string
  /** Id of the visit this one corrects (the stored record's field); marks that visit superseded too. */
  supersedes?: string
  /** The visit's findings (visit-findings.ts); only those of a referral problem are read. */
  findings: readonly Finding[]
  /** Where the kader sent the person, per problem (the visit record's `referrals`). */
  referrals?: readonly { problem: string; destination: Destination }[]
}

export interface ReferralFollowUp {
  id?: string
  visitId: string
  /** The problem followed up; follow-ups recorded before problems existed name a finding code instead. */
  problem?: string
  findingCode?: string
  /** 'YYYY-MM-DD' */
  date: string
  outcome: FollowUpOutcome
  /** Where the person arrived ('sampai'). */
  facility?: Destination
  /** What was done there, or why the person refused. */
  result?: string
}

export interface CaseClosure {
  /** 'YYYY-MM-DD' */
  date: string
  reason: 'pindah' | 'meninggal' | 'tidak_ditemukan'
}

export type ReferralClose =
  | { on: string; by: 'followUp'; followUp: ReferralFollowUp }
  | { on: string; by: 'remeasured'; visitId: string }
  | { on: string; by: 'case'; reason: CaseClosure['reason'] }

export interface Referral {
  /** `${openedBy}:${problem}`: stable whatever happens after. */
  id: string
  memberId: string
  problem: ReferralProblem
  /** 'YYYY-MM-DD': the visit that opened it. */
  openedOn: string
  openedBy: string
  urgency: Urgency
  destination: Destination
  /** What refers now: the latest referring finding(s) of each open item (at closing: as they stood). */
  findings: Finding[]
  /** The visits that referred it: the opening one and later ones that still found it. */
  visitIds: string[]
  /** 'YYYY-MM-DD': the last of those visits — when `findings` were measured. */
  measuredOn: string
  /** The follow-up window: due from, and overdue after. */
  dueFrom: string
  dueTo: string
  /** Every follow-up about it, oldest first (the closing one last). */
  followUps: ReferralFollowUp[]
  closed?: ReferralClose
}

interface Open {
  referral: Referral
  /** Open item → its latest referring findings. */
  items: Map<string, Finding[]>
  /** The date it became segera, while it is. */
  urgentSince?: string
  /** The destination the kader chose on the opening visit; otherwise the default for its urgency. */
  chosen?: Destination
}

/**
 * Every referral of the given visits' members, open and closed, in the order they were opened. `followUps` may be
 * any member's (matched by visit id). Visits superseded by a correction are left out; the caller leaves out records
 * dated after the day it reads on. `closures`: members whose case is closed, by member id.
 */
export function referralHistory(
  visits: readonly ReferralVisit[],
  followUps: readonly ReferralFollowUp[],
  closures?: ReadonlyMap<string, CaseClosure>,
): Referral[] {
  const superseded = new Set<string>()
  for (const v of visits) {
    if (v.supersededBy) superseded.add(v.id)
    if (v.supersedes) superseded.add(v.supersedes)
  }
  const byMember = new Map<string, ReferralVisit[]>()
  for (const v of visits) {
    if (superseded.has(v.id)) continue
    const list = byMember.get(v.memberId)
    if (list) list.push(v)
    else byMember.set(v.memberId, [v])
  }
  const memberOfVisit = new Map<string, string>()
  for (const [memberId, list] of byMember) for (const v of list) memberOfVisit.set(v.id, memberId)
  const followUpsOf = new Map<string, ReferralFollowUp[]>()
  for (const f of followUps) {
    const memberId = memberOfVisit.get(f.visitId)
    if (memberId === undefined) continue
    const list = followUpsOf.get(memberId)
    if (list) list.push(f)
    else followUpsOf.set(memberId, [f])
  }
  const all: Referral[] = []
  for (const [memberId, list] of byMember) {
    all.push(...memberReferrals(list, followUpsOf.get(memberId) ?? [], closures?.get(memberId)))
  }
  return all
}

/** One member's referrals; `visits` current (not superseded), any order. */
export function memberReferrals(
  visits: readonly ReferralVisit[],
  followUps: readonly ReferralFollowUp[],
  closure?: CaseClosure,
): Referral[] {
  const ordered = [...visits].sort(byDateThenId)
  const pending = [...followUps].sort((a, b) => compare(a.date, b.date))
  const open = new Map<ReferralProblem, Open>()
  const result: Referral[] = []
  let next = 0
  const followUpsUntil = (before: (date: string) => boolean) => {
    while (next < pending.length && before((pending[next] as ReferralFollowUp).date)) {
      applyFollowUp(pending[next] as ReferralFollowUp, open, result)
      next += 1
    }
  }
  for (const v of ordered) {
    if (closure && v.date > closure.date) break
    followUpsUntil((date) => date < v.date)
    applyVisit(v, open, result)
  }
  followUpsUntil((date) => !closure || date <= closure.date)
  for (const o of open.values()) {
    settle(o)
    if (closure) o.referral.closed = { on: closure.date, by: 'case', reason: closure.reason }
  }
  return result
}

/** The visit's findings of each problem, by item: an item measured maps to its referring findings ([] if none). */
function byProblem(findings: readonly Finding[]): Map<ReferralProblem, Map<string, Finding[]>> | undefined {
  let problems: Map<ReferralProblem, Map<string, Finding[]>> | undefined
  for (const f of findings) {
    const at = problemItemOf(f.code)
    if (!at) continue
    problems ??= new Map()
    let items = problems.get(at.problem)
    if (!items) {
      items = new Map()
      problems.set(at.problem, items)
    }
    let referring = items.get(at.item)
    if (!referring) {
      referring = []
      items.set(at.item, referring)
    }
    if (f.level === 'rujuk') referring.push(f)
  }
  return problems
}

function applyVisit(v: ReferralVisit, open: Map<ReferralProblem, Open>, result: Referral[]): void {
  const problems = byProblem(v.findings)
  if (!problems) return
  for (const [problem, items] of problems) {
    let current = open.get(problem)
    let refers = false
    for (const found of items.values()) if (found.length > 0) refers = true
    if (!current) {
      if (!refers) continue
      current = opened(v, problem)
      open.set(problem, current)
      result.push(current.referral)
    } else if (!refers && everyIn(current.items, items)) {
      // Every open item measured again, none referring: closed, with the findings as they stood.
      settle(current)
      current.referral.closed = { on: v.date, by: 'remeasured', visitId: v.id }
      open.delete(problem)
      continue
    }
    for (const [item, found] of items) {
      if (found.length > 0) current.items.set(item, found)
      else current.items.delete(item)
    }
    if (refers && current.referral.openedBy !== v.id) {
      current.referral.visitIds.push(v.id)
      current.referral.measuredOn = v.date
    }
    let urgent = false
    for (const found of current.items.values()) for (const f of found) if (f.urgent) urgent = true
    if (!urgent) current.urgentSince = undefined
    else current.urgentSince ??= v.date
  }
}

function everyIn(open: ReadonlyMap<string, unknown>, measured: ReadonlyMap<string, unknown>): boolean {
  for (const item of open.keys()) if (!measured.has(item)) return false
  return true
}

function opened(v: ReferralVisit, problem: ReferralProblem): Open {
  const chosen = v.referrals?.find((r) => r.problem === problem)?.destination
  return {
    referral: {
      id: `${v.id}:${problem}`,
      memberId: v.memberId,
      problem,
      openedOn: v.date,
      openedBy: v.id,
      urgency: 'biasa',
      destination: chosen ?? 'pustu', // settle() puts the default for the urgency when none was chosen
      findings: [],
      visitIds: [v.id],
      measuredOn: v.date,
      dueFrom: v.date,
      dueTo: v.date,
      followUps: [],
    },
    items: new Map(),
    ...(chosen ? { chosen } : {}),
  }
}

/** The referral's findings, urgency, destination and window from its open items (once, when it closes or at the end). */
function settle(o: Open): void {
  const r = o.referral
  r.findings = [...o.items.values()].flat()
  r.urgency = o.urgentSince === undefined ? 'biasa' : 'segera'
  r.destination = o.chosen ?? defaultDestination(r.problem, r.urgency === 'segera')
  if (o.urgentSince !== undefined) {
    r.dueFrom = o.urgentSince
    r.dueTo = addDays(o.urgentSince, URGENT_FOLLOW_UP_DAYS)
  } else {
    r.dueFrom = addDays(r.openedOn, 1)
    r.dueTo = addDays(r.openedOn, REFERRAL_FOLLOW_UP_DAYS)
  }
}

function applyFollowUp(f: ReferralFollowUp, open: Map<ReferralProblem, Open>, result: Referral[]): void {
  const problem = followUpProblem(f)
  if (!problem) return
  const current = open.get(problem)
  if (current?.referral.visitIds.includes(f.visitId)) {
    current.referral.followUps.push(f)
    if (!CLOSING_OUTCOMES.includes(f.outcome)) return
    // A follow-up dated before the referral (a typing slip) closes it on the day it opened.
    const on = [f.date, current.referral.openedOn].sort()[1] as string
    settle(current)
    current.referral.closed = { on, by: 'followUp', followUp: f }
    open.delete(problem)
    return
  }
  // About a referral already closed (a second follow-up of the same trip): kept with it as history.
  const earlier = result.findLast((r) => r.problem === problem && r.visitIds.includes(f.visitId))
  earlier?.followUps.push(f)
}

export function followUpProblem(
  f: Pick<ReferralFollowUp, 'problem' | 'findingCode'>,
): ReferralProblem | undefined {
  if (f.problem !== undefined) return isReferralProblem(f.problem) ? f.problem : undefined
  return f.findingCode === undefined ? undefined : problemOf(f.findingCode)
}

/** Whether the referral is open, and its follow-up overdue, on `today`. */
export function referralState(r: Referral, today: string): 'open' | 'overdue' | 'closed' {
  if (r.closed) return 'closed'
  return today > r.dueTo ? 'overdue' : 'open'
}

/**
 * Open referrals first — segera before biasa, then the most overdue (earliest deadline), then the oldest — and the
 * closed ones after them, most recently closed first ("Selesai").
 */
export function compareReferrals(a: Referral, b: Referral): number {
  if (!a.closed !== !b.closed) return a.closed ? 1 : -1
  if (a.closed && b.closed) return compare(b.closed.on, a.closed.on) || compare(a.id, b.id)
  return (
    (a.urgency === b.urgency ? 0 : a.urgency === 'segera' ? -1 : 1) ||
    compare(a.dueTo, b.dueTo) ||
    compare(a.openedOn, b.openedOn) ||
    compare(a.id, b.id)
  )
}

const byDateThenId = (a: ReferralVisit, b: ReferralVisit): number =>
  compare(a.date, b.date) || compare(a.id, b.id)

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
