// An area's month as the sum of its households' (issue 15, Budgets: one area's month recomputed after a kader's
// push in ≤ 100 ms). Every PWS figure counts people, and a person lives in one household: computed household by
// household (supervisionPart) and added up, the counts are the area's. What is not a count — ratios, coverage
// against the target, the PWS status, the notes — is worked out from the summed counts by the domain's own formulas
// (tally.ts ratio, cumulative.ts withTarget, report.ts notes). After a push only the households it touched are
// computed again: one is taken out of the sum and put back in. The sum holds figures only: the lists of ids behind
// each count are left empty and the register out (a supervisor's screen and the puskesmas' CSV show figures;
// names come with the overdue referrals and the implausible values). tests/server/area-sum.test.ts compares the
// sum with the whole area computed at once.

import { withTarget } from './cumulative'
import type { PwsIndicators, PwsTargets } from './indicators'
import { notes } from './report'
import { type ImplausibleItem, implausibleOrder, type OverdueItem, type SupervisionPart } from './supervision'
import type { Count, PwsReport, Ratio } from './types'

/** An area's month in figures: what the server keeps and serves. */
export interface AreaMonthFigures {
  report: Omit<PwsReport, 'register'>
  indicators: PwsIndicators
  implausible: ImplausibleItem[]
  /** Referrals still open at the month's end (supervision.ts overdueOn finds the overdue ones). */
  open: OverdueItem[]
}

type Tree = Record<string, unknown>
const ID_LISTS = ['memberIds', 'householdIds', 'visitIds']

const isObject = (v: unknown): v is Tree => typeof v === 'object' && v !== null
const isCount = (v: Tree) => 'value' in v && ID_LISTS.some((k) => k in v)

/** A copy without the ids behind the counts and without the register: figures only. */
export function figuresOnly<T>(value: T): T {
  if (Array.isArray(value)) return value.map(figuresOnly) as T
  if (!isObject(value)) return value
  const copy: Tree = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === 'register') continue
    copy[k] = ID_LISTS.includes(k) ? [] : figuresOnly(v)
  }
  return copy as T
}

/** Adds `part`'s counts (× sign) into `sum`, of the same shape; what is not a count is left for finish(). */
function accumulate(sum: Tree, part: Tree, sign: 1 | -1): void {
  for (const [k, v] of Object.entries(part)) {
    if (k === 'notes' || !(k in sum)) continue
    const into = sum[k]
    if (isObject(v) && isObject(into)) {
      if (isCount(v)) into.value = (into.value as number) + sign * (v.value as number)
      else accumulate(into, v, sign)
    } else if ((k === 'cumulative' || k === 'previousMonthCount') && typeof v === 'number')
      sum[k] = (into as number) + sign * v
  }
}

/** Every ratio's value from its summed numerator and denominator, as tally.ts ratio() does. */
function finishRatios<T>(value: T): T {
  if (Array.isArray(value)) return value.map(finishRatios) as T
  if (!isObject(value)) return value
  const copy: Tree = {}
  for (const [k, v] of Object.entries(value)) copy[k] = finishRatios(v)
  if ('numerator' in copy && 'denominator' in copy) {
    const { numerator, denominator } = copy as unknown as Ratio
    copy.value = denominator.value === 0 ? null : numerator.value / denominator.value
  }
  return copy as T
}

interface Share {
  report: Tree
  indicators: Tree
  implausible: ImplausibleItem[]
  open: OverdueItem[]
}

export class AreaSum {
  private readonly shares = new Map<string, Share>()
  private readonly sum: Share

  /** `none`: the month computed over no records at all — every count 0, the shape of every figure. */
  constructor(none: SupervisionPart) {
    this.sum = this.share(none)
  }

  get size(): number {
    return this.shares.size
  }

  has(key: string): boolean {
    return this.shares.has(key)
  }

  /** Puts a household's share in (replacing what it was), or takes it out (undefined). */
  set(key: string, part: SupervisionPart | undefined): void {
    const old = this.shares.get(key)
    if (old) {
      accumulate(this.sum.report, old.report, -1)
      accumulate(this.sum.indicators, old.indicators, -1)
      this.shares.delete(key)
    }
    if (!part) return
    const share = this.share(part)
    accumulate(this.sum.report, share.report, 1)
    accumulate(this.sum.indicators, share.indicators, 1)
    this.shares.set(key, share)
  }

  /** The area's figures, each cumulative indicator against the area's annual targets. */
  figures(targets: PwsTargets): AreaMonthFigures {
    const report = finishRatios(this.sum.report) as unknown as AreaMonthFigures['report']
    const kiaBookUnrecorded = (report.skdn.kiaBookUnrecorded as Count).value
    report.notes = notes(report.referenceDate, kiaBookUnrecorded)
    const indicators = finishRatios(this.sum.indicators) as unknown as PwsIndicators
    for (const [id, s] of Object.entries(indicators.series))
      indicators.series[id] = {
        id,
        ...withTarget(s.year, s.months, s.previousMonthCount, s.registered.value, targets[id]),
        registered: s.registered,
      }
    const implausible: ImplausibleItem[] = []
    const open: OverdueItem[] = []
    for (const s of this.shares.values()) {
      implausible.push(...s.implausible)
      open.push(...s.open)
    }
    return { report, indicators, implausible: implausible.sort(implausibleOrder), open }
  }

  private share(part: SupervisionPart): Share {
    return {
      report: figuresOnly(part.report) as unknown as Tree,
      indicators: figuresOnly(part.indicators) as unknown as Tree,
      implausible: part.implausible,
      open: part.open,
    }
  }
}
