// The measurement screen's values and the visit they make: measures into the parts the rules read, langkah 4
// services into their part fields (vitamin A, obat cacing, doses) or the visit's `services`, langkah 5 topics.
import type { VisitRow } from '../../data/visits'
import {
  type MeasureSlot,
  OPEN_DAY_SERVICES,
  type OpenDayService,
  PENYULUHAN_TOPICS,
  type ServicePlan,
} from '../../domain/openday'
import { RANGES, type Range } from '../../protocol/visit-parts'

export type Parts = Record<string, Record<string, unknown>>

export interface MeasureValues {
  parts: Parts
  /** The kader's own choices; a service not in here is on when due (ServicePlan). Keys: serviceKeys. */
  choices: Record<string, boolean>
  topics: string[]
  /** Extreme values the kader confirmed, as `${part}.${field}`. */
  confirmed: string[]
}

export const serviceKeys = {
  vitaminA: 'vitaminA',
  obatCacing: 'obatCacing',
  dose: (d: { antigen: string; dose: number }) => `dose:${d.antigen} ${d.dose}`,
  service: (s: OpenDayService) => `service:${s}`,
}

/** Every toggle of the plan with whether it is on: the kader's choice, or what is due. */
export function toggles(plan: ServicePlan, choices: Record<string, boolean>) {
  const on = (key: string, byDefault: boolean) => choices[key] ?? byDefault
  return {
    vitaminA: plan.vitaminA ? on(serviceKeys.vitaminA, true) : false,
    obatCacing: plan.obatCacing ? on(serviceKeys.obatCacing, true) : false,
    doses: plan.doses.filter((d) => on(serviceKeys.dose(d), d.byDefault)),
    services: plan.offered
      .filter((o) => on(serviceKeys.service(o.service), o.byDefault))
      .map((o) => o.service),
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A stored draft's values over the initial ones (an older app may have written them); the schema checks parts. */
export function restoreMeasure(stored: Record<string, unknown>, initial: MeasureValues): MeasureValues {
  const parts = isRecord(stored.parts)
    ? Object.fromEntries(
        Object.entries(stored.parts).filter((e): e is [string, Parts[string]] => isRecord(e[1])),
      )
    : initial.parts
  const choices = isRecord(stored.choices)
    ? Object.fromEntries(
        Object.entries(stored.choices).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'),
      )
    : initial.choices
  const strings = (v: unknown, allowed?: readonly string[]) =>
    Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && (!allowed || allowed.includes(x)))
      : undefined
  return {
    parts,
    choices,
    topics: strings(stored.topics, PENYULUHAN_TOPICS) ?? initial.topics,
    confirmed: strings(stored.confirmed) ?? initial.confirmed,
  }
}

/** The screen's start: today's latest visit with content when there is one (to change it), else empty. */
export function initialMeasure(
  today: readonly VisitRow[],
  slots: readonly MeasureSlot[],
  ageMonths: number,
): MeasureValues {
  const latest = [...today].reverse().find((v) => Object.keys(v.parts).length > 0 || v.services || v.topics)
  if (latest) {
    return {
      parts: latest.parts as Parts,
      choices: Object.fromEntries((latest.services ?? []).map((s) => [serviceKeys.service(s), true])),
      topics: [...(latest.topics ?? [])],
      confirmed: [],
    }
  }
  // Under 2 years a child is measured lying (PB), from 2 years standing (TB): Permenkes 2/2020 (clinical-rules.md §2.1).
  const length = slots.find((s) => s.key === 'length')
  const parts: Parts = length ? { [length.part]: { position: ageMonths < 24 ? 'lying' : 'standing' } } : {}
  return { parts, choices: {}, topics: [], confirmed: [] }
}

/**
 * The visit the screen saves. `supersedes`: the person's latest visit of the day on the screen's start — the one it
 * changes, or the check-in it completes.
 */
export function measureInput(
  v: MeasureValues,
  ctx: {
    memberId: string
    date: string
    plan: ServicePlan
    supersedes?: string
    childPart: boolean
    nifas: boolean
  },
) {
  const on = toggles(ctx.plan, v.choices)
  const parts: Parts = {}
  for (const [part, payload] of Object.entries(v.parts)) {
    const filled = Object.fromEntries(Object.entries(payload).filter(([, x]) => x !== undefined))
    // A position alone is not a measurement.
    if (Object.keys(filled).some((k) => k !== 'position')) parts[part] = filled
  }
  if (ctx.childPart && (on.vitaminA || on.obatCacing || on.doses.length > 0)) {
    const balita = { ...(parts.balita ?? {}) }
    if (on.vitaminA) balita.vitaminA = true
    if (on.obatCacing) balita.obatCacing = true
    if (on.doses.length > 0)
      balita.immunizations = on.doses.map((d) => ({ antigen: d.antigen, dose: d.dose }))
    parts.balita = balita
  }
  if (ctx.nifas && on.vitaminA) parts.nifas = { ...(parts.nifas ?? {}), vitaminADates: [ctx.date] }
  const services = on.services.filter((s) => OPEN_DAY_SERVICES.includes(s))
  return {
    memberId: ctx.memberId,
    date: ctx.date,
    place: 'posyandu',
    parts,
    ...(ctx.supersedes ? { supersedes: ctx.supersedes } : {}),
    ...(services.length > 0 ? { services } : {}),
    ...(v.topics.length > 0 ? { topics: v.topics } : {}),
  }
}

/** The hard range of a measure field (protocol/visit-parts.ts RANGES): balita ranges for the balita part. */
export function rangeOf(part: string, field: string): Range {
  const child = part === 'balita'
  switch (field) {
    case 'weightKg':
      return child ? RANGES.balitaWeightKg : RANGES.weightKg
    case 'lengthCm':
      return RANGES.balitaLengthCm
    case 'heightCm':
      return RANGES.heightCm
    case 'headCm':
      return RANGES.headCm
    case 'armCm':
    case 'lilaCm':
      return RANGES.lilaCm
    case 'waistCm':
      return RANGES.waistCm
    case 'systolicMmHg':
      return RANGES.systolicMmHg
    case 'diastolicMmHg':
      return RANGES.diastolicMmHg
    default:
      return RANGES.gdsMgDl
  }
}

/** The last value of a field before today, with its date: "terakhir 10,8 kg (14 Jul 2025)". */
export function lastValue(
  history: readonly VisitRow[],
  part: string,
  field: string,
  before: string,
): { value: number; date: string } | undefined {
  for (const v of history) {
    if (v.supersededBy || v.date >= before) continue
    const value = (v.parts as Parts)[part]?.[field]
    if (typeof value === 'number') return { value, date: v.date }
  }
  return undefined
}
