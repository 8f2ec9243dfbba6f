// The schedule kept between runs, as the area worker keeps it: the records grouped by member, and each member's
// listed tasks. After an edit or a sync page only the members the change touches — and the TBC-contact rule of their
// households — are worked out again: a saved visit costs milliseconds instead of a run over the whole area. A new
// `today`, calendar or setting starts over. visitTasks (index.ts) is one full run of a fresh keeper.
import { lifeStage } from '../lifecycle'
import type { Referral } from '../referrals'
import { ancTasks } from './anc'
import { addDays, homeVisitWindow } from './calendar'
import { immunizationTasks, vitaminATasks } from './child'
import { closedOn, closedTasks } from './closure'
import { balitaNotWeighed, bumilNotSeen, openDayAbsent } from './monthly'
import { kfTasks, knTasks } from './postnatal'
import { caseClosure, referralsOf, referralTasks } from './referral'
import { fromRegistration } from './registration'
import {
  compareTasks,
  type MemberRule,
  RECENT_DAYS,
  type RuleContext,
  type TaskDraft,
  toTask,
  UPCOMING_HORIZON_DAYS,
} from './task'
import { type HouseholdMember, tbcContactTasks } from './tbc'
import type { ScheduleFollowUp, ScheduleInput, ScheduleMember, ScheduleVisit, Task } from './types'
import { yearlyScreeningTasks } from './yearly'

const MEMBER_RULES: readonly MemberRule[] = [
  referralTasks,
  knTasks,
  kfTasks,
  ancTasks,
  bumilNotSeen,
  balitaNotWeighed,
  openDayAbsent,
  immunizationTasks,
  vitaminATasks,
  yearlyScreeningTasks,
]

export type ScheduleOptions = Omit<ScheduleInput, 'members' | 'visits' | 'followUps'>

/** What a member's rules last gave: their household's TBC rule reads the member's current visits too. */
interface MemberResult {
  householdId: string
  /** Undefined: deleted, or born after today — no tasks and not in the household's TBC rule. */
  visits?: readonly ScheduleVisit[]
  tasks: Task[]
}

export class ScheduleKeeper {
  private readonly members = new Map<string, ScheduleMember>()
  /** Every visit by member, deleted and superseded ones too: which count depends on `today`. */
  private readonly visits = new Map<string, ScheduleVisit[]>()
  /** Visit id → member id, built on the first follow-up put after a run (a full run needs no touching). */
  private memberOfVisit: Map<string, string> | undefined
  private readonly followUps = new Map<string, ScheduleFollowUp[]>()
  private readonly households = new Map<string, Set<string>>()

  private ctx: RuleContext | undefined
  private ctxKey = ''
  private readonly results = new Map<string, MemberResult>()
  /**
   * Each member's referrals with what they were read from (referralKey). They read every visit's findings at the
   * visit's own date, so a new day reuses them: only a change of the member's records or follow-ups, or of the
   * settings, reads the visits again.
   */
  private readonly referralCache = new Map<string, { key: string; referrals: Referral[] }>()
  private referralSettingsKey = ''
  private readonly tbc = new Map<string, Task[]>()
  private readonly touched = new Set<string>()

  /** Adds or replaces members (a member moved to another household leaves the old one's TBC rule). */
  putMembers(members: readonly ScheduleMember[]): void {
    for (const m of members) {
      const old = this.members.get(m.id)
      if (old && old.householdId !== m.householdId) this.households.get(old.householdId)?.delete(m.id)
      this.members.set(m.id, m)
      const household = this.households.get(m.householdId)
      if (household) household.add(m.id)
      else this.households.set(m.householdId, new Set([m.id]))
      this.touch(m.id)
    }
  }

  /** Forgets members (e.g. their household left the work area); their visits stay, should they come back. */
  removeMembers(ids: Iterable<string>): void {
    for (const id of ids) {
      const m = this.members.get(id)
      if (!m) continue
      this.touch(id)
      this.households.get(m.householdId)?.delete(id)
      this.members.delete(id)
    }
  }

  /**
   * Adds or replaces visits. A visit never changes member, and a correction names a visit of the same member
   * (data/visits.ts refuses others), so a member's rules read only that member's visits.
   */
  putVisits(visits: readonly ScheduleVisit[]): void {
    // Into an empty keeper (a first read: each record once) there is nothing to replace.
    const replacing = this.visits.size > 0
    for (const v of visits) {
      const list = this.visits.get(v.memberId)
      const at = list && replacing ? list.findIndex((x) => x.id === v.id) : -1
      if (list && at >= 0) list[at] = v
      else if (list) list.push(v)
      else this.visits.set(v.memberId, [v])
      this.memberOfVisit?.set(v.id, v.memberId)
      this.touch(v.memberId)
    }
  }

  /** Adds or replaces follow-ups; they touch the member of the visit they follow up. */
  putFollowUps(followUps: readonly ScheduleFollowUp[]): void {
    for (const f of followUps) {
      const list = this.followUps.get(f.visitId)
      const at = list ? list.findIndex((x) => x.id === f.id) : -1
      if (list && at >= 0) list[at] = f
      else if (list) list.push(f)
      else this.followUps.set(f.visitId, [f])
      if (!this.ctx) continue
      this.refreshFollowUps(f.visitId, this.ctx)
      const member = this.visitMembers().get(f.visitId)
      if (member !== undefined) this.touch(member)
    }
  }

  /** The tasks on `options.today`, most urgent first: the same list as visitTasks over the same records. */
  tasks(options: ScheduleOptions): Task[] {
    const key = JSON.stringify([
      options.today,
      options.calendar,
      options.settings,
      options.jeEndemic ?? false,
    ])
    if (!this.ctx || key !== this.ctxKey) {
      // The referrals read the visits with the settings: only a change of those reads them all again.
      const settingsKey = JSON.stringify([options.settings, options.jeEndemic ?? false])
      if (settingsKey !== this.referralSettingsKey) this.referralCache.clear()
      this.referralSettingsKey = settingsKey
      this.ctx = this.context(options)
      this.ctxKey = key
      this.results.clear()
      this.tbc.clear()
      for (const id of this.members.keys()) this.touched.add(id)
    }
    const ctx = this.ctx
    const households = new Set<string>()
    for (const id of this.touched) {
      const previous = this.results.get(id)
      if (previous) households.add(previous.householdId)
      const member = this.members.get(id)
      if (!member) {
        this.results.delete(id)
        continue
      }
      households.add(member.householdId)
      this.results.set(id, this.memberResult(member, ctx))
    }
    this.touched.clear()
    for (const id of households) this.tbc.set(id, this.householdTasks(id, ctx))

    const tasks: Task[] = []
    for (const result of this.results.values()) for (const t of result.tasks) tasks.push(t)
    for (const list of this.tbc.values()) for (const t of list) tasks.push(t)
    return tasks.sort(compareTasks)
  }

  private touch(memberId: string): void {
    this.referralCache.delete(memberId)
    if (this.ctx) this.touched.add(memberId) // before the first run every member is computed anyway
  }

  private referralsOf(
    member: ScheduleMember,
    visits: readonly ScheduleVisit[],
    ctx: RuleContext,
  ): Referral[] {
    const followUps: string[] = []
    for (const v of visits) for (const f of ctx.followUpsByVisit.get(v.id) ?? []) followUps.push(f.id)
    const closure = caseClosure(member, ctx.today)
    const key = `${visits.length}|${visits[0]?.id}|${visits.at(-1)?.id}|${followUps.join(',')}|${closure?.date}`
    const kept = this.referralCache.get(member.id)
    if (kept?.key === key) return kept.referrals
    const referrals = referralsOf(member, visits, ctx)
    this.referralCache.set(member.id, { key, referrals })
    return referrals
  }

  private visitMembers(): Map<string, string> {
    if (!this.memberOfVisit) {
      this.memberOfVisit = new Map()
      for (const [memberId, list] of this.visits) for (const v of list) this.memberOfVisit.set(v.id, memberId)
    }
    return this.memberOfVisit
  }

  private context(options: ScheduleOptions): RuleContext {
    const { today, calendar } = options
    const followUpsByVisit = new Map<string, ScheduleFollowUp[]>()
    const windows = new Map<number, ReturnType<typeof homeVisitWindow>>()
    const ctx: RuleContext = {
      today,
      horizon: addDays(today, UPCOMING_HORIZON_DAYS),
      recentFrom: addDays(today, -RECENT_DAYS),
      settings: options.settings,
      calendar,
      homeVisitWindow: (monthsFromToday) => {
        if (!windows.has(monthsFromToday))
          windows.set(monthsFromToday, homeVisitWindow(calendar, today, monthsFromToday))
        return windows.get(monthsFromToday)
      },
      jeEndemic: options.jeEndemic ?? false,
      followUpsByVisit,
      referrals: (member, visits) => this.referralsOf(member, visits, ctx),
    }
    for (const visitId of this.followUps.keys()) this.refreshFollowUps(visitId, ctx)
    return ctx
  }

  /** The rules read a visit's follow-ups that are not deleted and not dated after today. */
  private refreshFollowUps(visitId: string, ctx: RuleContext): void {
    const counted = (this.followUps.get(visitId) ?? []).filter((f) => !f.deleted && f.date <= ctx.today)
    const byVisit = ctx.followUpsByVisit as Map<string, ScheduleFollowUp[]>
    if (counted.length > 0) byVisit.set(visitId, counted)
    else byVisit.delete(visitId)
  }

  private memberResult(member: ScheduleMember, ctx: RuleContext): MemberResult {
    const stage = member.deleted ? undefined : lifeStage(member.birthDate, ctx.today)
    if (!stage) return { householdId: member.householdId, tasks: [] } // deleted, or born after today
    const visits = currentVisits(this.visits.get(member.id) ?? [], member.birthDate, ctx.today)
    if (closedOn(member, ctx.today)) {
      const tasks: Task[] = []
      for (const d of closedTasks(member)) listed(d, ctx, tasks)
      return { householdId: member.householdId, visits, tasks }
    }
    const drafts: TaskDraft[] = []
    for (const rule of MEMBER_RULES) for (const d of rule(member, visits, ctx, stage)) drafts.push(d)
    const tasks: Task[] = []
    for (const d of fromRegistration(member, visits, drafts)) listed(d, ctx, tasks)
    return { householdId: member.householdId, visits, tasks }
  }

  private householdTasks(householdId: string, ctx: RuleContext): Task[] {
    const household: HouseholdMember[] = []
    for (const id of this.households.get(householdId) ?? []) {
      const member = this.members.get(id)
      const visits = this.results.get(id)?.visits
      // A closed case is no longer in the house: no TBC contact task for them.
      if (member && visits && !closedOn(member, ctx.today)) household.push({ member, visits })
    }
    const tasks: Task[] = []
    for (const d of tbcContactTasks(household, ctx)) listed(d, ctx, tasks)
    return tasks
  }
}

function listed(draft: TaskDraft, ctx: RuleContext, into: Task[]): void {
  const task = toTask(draft, ctx)
  if (task) into.push(task)
}

/**
 * A member's visits that count, oldest first (date, then id — UUID v7 ids sort in creation order): not deleted,
 * not superseded by a correction (or marked supersededBy), not dated after today — nor before the birth date, which
 * a later correction of the birth date can leave behind (the age rules cannot read them).
 */
function currentVisits(visits: ScheduleVisit[], birthDate: string, today: string): ScheduleVisit[] {
  let superseded: Set<string> | undefined // most members have no correction: no set for them
  let allCount = true
  for (const v of visits) {
    if (v.deleted) {
      allCount = false
      continue
    }
    if (v.date > today || v.date < birthDate) allCount = false
    if (v.supersedes || v.supersededBy) {
      superseded ??= new Set()
      if (v.supersedes) superseded.add(v.supersedes)
      if (v.supersededBy) superseded.add(v.id)
    }
  }
  // Usually every visit counts: then the member's own list, sorted in place, with no copy per member.
  const current =
    allCount && !superseded
      ? visits
      : visits.filter((v) => !v.deleted && !superseded?.has(v.id) && v.date <= today && v.date >= birthDate)
  // Records usually come in that order already (read by id, and UUID v7 ids sort in creation order): check first.
  if (!isSorted(current)) current.sort(byDateThenId)
  return current
}

const byDateThenId = (a: ScheduleVisit, b: ScheduleVisit): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

function isSorted(list: readonly ScheduleVisit[]): boolean {
  for (let i = 1; i < list.length; i += 1) {
    if (byDateThenId(list[i - 1] as ScheduleVisit, list[i] as ScheduleVisit) > 0) return false
  }
  return true
}
