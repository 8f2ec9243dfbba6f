// An area's month as the sum of its households' (issue 15, Budgets: one area's month recomputed after a kader's
// push in ≤ 100 ms). Every PWS figure counts people, and a person lives in one household: computed household by
// household (supervisionPart) and added up, the counts are the area's. What is not a count — ratios, coverage
// against the target, the PWS status, the notes — is worked out from the summed counts by the domain's own formulas
// (tally.ts ratio, cumulative.ts withTarget, report.ts notes). After a push only the households it touched are
// computed again: one is taken out of the sum and put back in. The sum holds figures only: the lists of ids behind
// each count are left empty and the register out (a supervisor's screen and the puskesmas' CSV show figures;
// names come with the overdue referrals and the implausible values). tests/domain/pws/area-sum.test.ts compares the
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

/**
 * Calls `leaf` with each count of a figures tree, in an order fixed by its shape: a count's value, and a series
 * month's `cumulative` and its `previousMonthCount` (sums of the months' counts). What is not a count — ratios,
 * coverage, the status, the notes — is worked out from them (finish).
 */
function eachCount(tree: Tree, leaf: (holder: Tree, key: string) => void): void {
  for (const [k, v] of Object.entries(tree)) {
    if (k === 'notes' || k === 'register' || ID_LISTS.includes(k)) continue
    if (isObject(v)) {
      if (isCount(v)) leaf(v, 'value')
      else eachCount(v, leaf)
    } else if ((k === 'cumulative' || k === 'previousMonthCount') && typeof v === 'number') leaf(tree, k)
  }
}

/** A household's counts, only those not 0: a few dozen of the month's ≈ 1,000. */
interface Sparse {
  at: Int32Array
  n: Int32Array
}

function sparse(tree: Tree, size: number): Sparse {
  const at: number[] = []
  const n: number[] = []
  let i = 0
  eachCount(tree, (holder, key) => {
    const value = holder[key] as number
    if (value !== 0) {
      at.push(i)
      n.push(value)
    }
    i += 1
  })
  if (i !== size) throw new Error('A household share of another shape than the month')
  return { at: Int32Array.from(at), n: Int32Array.from(n) }
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
  counts: Sparse
  implausible: ImplausibleItem[]
  open: OverdueItem[]
}

export class AreaSum {
  private readonly shares = new Map<string, Share>()
  /** The month's figures with every count 0: the shape the sums are written into. */
  private readonly shape: { report: Tree; indicators: Tree }
  private readonly sum: Float64Array

  /** `none`: the month computed over no records at all. */
  constructor(none: SupervisionPart) {
    this.shape = {
      report: figuresOnly(none.report) as never,
      indicators: figuresOnly(none.indicators) as never,
    }
    let size = 0
    eachCount(this.shape as unknown as Tree, () => {
      size += 1
    })
    this.sum = new Float64Array(size)
  }

  get size(): number {
    return this.shares.size
  }

  /** Puts a household's share in (replacing what it was), or takes it out (undefined). */
  set(key: string, part: SupervisionPart | undefined): void {
    const old = this.shares.get(key)
    if (old) {
      this.add(old.counts, -1)
      this.shares.delete(key)
    }
    if (!part) return
    const share = {
      counts: sparse(
        { report: part.report, indicators: part.indicators } as unknown as Tree,
        this.sum.length,
      ),
      implausible: part.implausible,
      open: part.open,
    }
    this.add(share.counts, 1)
    this.shares.set(key, share)
  }

  /** The area's figures, each cumulative indicator against the area's annual targets. */
  figures(targets: PwsTargets): AreaMonthFigures {
    const counted = structuredClone(this.shape) as unknown as Tree
    let i = 0
    eachCount(counted, (holder, key) => {
      holder[key] = this.sum[i++] as number
    })
    const report = finishRatios(counted.report) as AreaMonthFigures['report']
    report.notes = notes(report.referenceDate, (report.skdn.kiaBookUnrecorded as Count).value)
    const indicators = finishRatios(counted.indicators) as PwsIndicators
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

  private add({ at, n }: Sparse, sign: 1 | -1) {
    const sum = this.sum
    for (let j = 0; j < at.length; j += 1) {
      const i = at[j] as number
      sum[i] = (sum[i] as number) + sign * (n[j] as number)
    }
  }
}
