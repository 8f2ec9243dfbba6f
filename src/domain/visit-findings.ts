// Every finding of one visit: each part filled in, read at the visit's own date — not at today — so an old visit
// reads the same forever (and the same on every device). The balita part also reads the member's earlier visits
// (N/T/O/B, 2T, doses given); the other parts are read by the stage interpreters (screening/index.ts).
import type { ClinicalSettings } from './clinical-settings'
import { daysBetween, isIsoDate } from './dates'
import type { Finding } from './findings'
import { DAYS_PER_MONTH, growthFindings, zScore } from './growth'
import { problemItemOf } from './referrals/problems'
import {
  type InterpretedPart,
  SCREENING_INTERPRETERS,
  type ScreeningContext,
  type ScreeningPayloads,
} from './screening'
import {
  type BalitaContext,
  type BalitaHistoryEntry,
  type BalitaScreening,
  balitaProblemFindings,
  interpretBalita,
} from './screening/balita'
import type { RemajaScreening } from './screening/remaja'

/**
 * The parts of a visit record, typed as the interpreters read them. Structural on purpose: src/domain does not
 * import src/data; the stored record's `parts` has this shape (protocol/visit-parts.ts).
 */
export interface VisitPayloadParts extends Partial<ScreeningPayloads> {
  balita?: BalitaScreening
}

export interface FindingsVisit {
  /** When given, a history entry with the same id (this visit itself) or one this visit supersedes is ignored. */
  id?: string
  /** 'YYYY-MM-DD' */
  date: string
  /** The visit this one corrects. */
  supersedes?: string
  parts: VisitPayloadParts
}

export interface FindingsMember {
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: 'L' | 'P'
  hpht?: string
  deliveryDate?: string
}

export interface FindingsOptions {
  /** JE is given in this district (immunization.ts). */
  jeEndemic?: boolean
  /** Values WHO flags as implausible were confirmed (growth/findings.ts). Default true: a saved visit. */
  extremesConfirmed?: boolean
}

/**
 * The findings of every part of `visit`, in part order (balita, then screening/index.ts's SCREENING_INTERPRETERS
 * order: neonatus, remaja, dewasa, lansia, ibu_hamil, nifas).
 * `history`: the member's other visits, any order; visits superseded by a correction should be left out — those
 * whose ids say so (`supersedes`) are dropped here. Only history up to the visit date is read.
 */
export function visitFindings(
  visit: FindingsVisit,
  member: FindingsMember,
  history: readonly FindingsVisit[],
  settings: ClinicalSettings,
  options: FindingsOptions = {},
): Finding[] {
  return findingsOf(visit, member, history, settings, options, interpretBalita)
}

/**
 * The findings of visitFindings that open or close a referral (referrals/problems.ts problemItemOf) — the same
 * findings in the same order — for the readers that follow referrals over a member's whole history (the schedule,
 * the referral list, the PWS). Cheaper on the balita part, whose rules that never refer (the whole immunisation
 * schedule, vitamin A, obat cacing, ASI) are not run (screening/balita.ts balitaProblemFindings).
 * tests/domain/visit-findings.test.ts checks it against visitFindings.
 */
export function problemFindings(
  visit: FindingsVisit,
  member: FindingsMember,
  history: readonly FindingsVisit[],
  settings: ClinicalSettings,
  options: FindingsOptions = {},
): Finding[] {
  const findings = findingsOf(visit, member, history, settings, options, balitaProblemFindings)
  return findings.filter((f) => problemItemOf(f.code) !== undefined)
}

/**
 * problemFindings of each of a member's visits, in one pass: `visits` are the member's current visits (none
 * superseded), oldest first (date, then id), and each is read with the ones before it as history — the balita
 * history is built up once instead of for every visit (this reads every visit of an area in the schedule).
 */
export function memberProblemFindings(
  visits: readonly FindingsVisit[],
  member: FindingsMember,
  settings: ClinicalSettings,
  options: FindingsOptions = {},
): Finding[][] {
  const earlier: BalitaHistoryEntry[] = []
  return visits.map((visit) => {
    const found = partFindings(visit, member, earlier, settings, options, balitaProblemFindings)
    if (visit.parts.balita) earlier.push({ date: visit.date, balita: visit.parts.balita })
    return found.filter((f) => problemItemOf(f.code) !== undefined)
  })
}

const INTERPRETED_PARTS = Object.keys(SCREENING_INTERPRETERS) as InterpretedPart[]

function findingsOf(
  visit: FindingsVisit,
  member: FindingsMember,
  history: readonly FindingsVisit[],
  settings: ClinicalSettings,
  options: FindingsOptions,
  readBalita: typeof interpretBalita,
): Finding[] {
  return partFindings(visit, member, balitaHistory(visit, history), settings, options, readBalita)
}

function partFindings(
  visit: FindingsVisit,
  member: FindingsMember,
  balitaEarlier: readonly BalitaHistoryEntry[],
  settings: ClinicalSettings,
  options: FindingsOptions,
  readBalita: typeof interpretBalita,
): Finding[] {
  // Built field by field, without spreads: this runs for every visit of every member in the schedule.
  const ctx: ScreeningContext = { today: visit.date, birthDate: member.birthDate, sex: member.sex, settings }
  if (member.hpht) ctx.hpht = member.hpht
  if (member.deliveryDate) ctx.deliveryDate = member.deliveryDate
  if (readBalita === balitaProblemFindings) ctx.problemsOnly = true
  const { parts } = visit
  const confirmed = options.extremesConfirmed ?? true
  // One blood pressure per visit: when the ibu hamil part read it, her stage part's reading of the same numbers
  // is left out — one BP finding, one referral (clinical-rules.md §2.2).
  const pregnancyBp =
    parts.ibu_hamil?.systolicMmHg !== undefined || parts.ibu_hamil?.diastolicMmHg !== undefined
  let findings: Finding[] = []
  if (parts.balita) {
    const balitaCtx: BalitaContext = {
      today: visit.date,
      birthDate: member.birthDate,
      sex: member.sex,
      settings,
      visitDate: visit.date,
      jeEndemic: options.jeEndemic ?? false,
      extremesConfirmed: confirmed,
    }
    if (ctx.hpht) balitaCtx.hpht = ctx.hpht
    if (ctx.deliveryDate) balitaCtx.deliveryDate = ctx.deliveryDate
    if (ctx.problemsOnly) balitaCtx.problemsOnly = true
    findings = readBalita(parts.balita, balitaCtx, balitaEarlier)
  }
  for (const part of INTERPRETED_PARTS) {
    const payload = parts[part]
    if (!payload) continue
    let found: Finding[]
    if (part === 'remaja') {
      const remaja = remajaWithZ(payload as RemajaScreening, member, visit.date, confirmed)
      found = [...remaja.findings, ...SCREENING_INTERPRETERS.remaja(remaja.payload, ctx)]
    } else {
      // What screening/index.ts interpretScreenings does for one part, without its walk over every part.
      const interpret = SCREENING_INTERPRETERS[part] as (s: typeof payload, c: ScreeningContext) => Finding[]
      found = interpret(payload, ctx)
    }
    for (const f of found)
      if (!(pregnancyBp && part !== 'ibu_hamil' && f.code.startsWith('td.'))) findings.push(f)
  }
  return findings
}

/**
 * The balita parts of the history, without this visit, the visit it corrects, and any visit another history entry
 * corrects. Entries without a balita part are left out: the balita rules read nothing else of them.
 */
function balitaHistory(visit: FindingsVisit, history: readonly FindingsVisit[]): BalitaHistoryEntry[] {
  const superseded = new Set<string>()
  if (visit.supersedes) superseded.add(visit.supersedes)
  for (const h of history) if (h.supersedes) superseded.add(h.supersedes)
  const earlier: BalitaHistoryEntry[] = []
  for (const h of history) {
    const { balita } = h.parts
    if (!balita || (h.id !== undefined && (h.id === visit.id || superseded.has(h.id)))) continue
    earlier.push({ date: h.date, balita })
  }
  return earlier
}

/**
 * IMT/U and TB/U z-scores of a remaja visit from its BB and TB, by the growth engine (WHO Growth Reference 2007 from
 * 5 years; growth/zscore.ts). Measured values win over z-scores stored in the payload. A value WHO flags as
 * implausible is categorised once confirmed; until then growthFindings says "check and re-measure" instead.
 */
function remajaWithZ(
  s: RemajaScreening,
  member: FindingsMember,
  visitDate: string,
  confirmed: boolean,
): { payload: RemajaScreening; findings: Finding[] } {
  if (!isIsoDate(visitDate) || !isIsoDate(member.birthDate)) return { payload: s, findings: [] }
  const ageDays = daysBetween(member.birthDate, visitDate)
  const payload: RemajaScreening = { ...s }
  const findings: Finding[] = []
  const measured = { sex: member.sex, ageDays, weightKg: s.weightKg, lengthCm: s.heightCm }
  const apply = (indicator: 'bfa' | 'lhfa', key: 'bfaZ' | 'hfaZ') => {
    const z = zScore({ indicator, ...measured })
    if (!z.ok) return
    if (z.flagged && !confirmed) {
      delete payload[key]
      findings.push(
        ...growthFindings({ ageMonths: ageDays / DAYS_PER_MONTH, scores: { [indicator]: z }, confirmed }),
      )
    } else {
      payload[key] = z.z
    }
  }
  if (s.weightKg !== undefined && s.heightCm !== undefined) apply('bfa', 'bfaZ')
  if (s.heightCm !== undefined) apply('lhfa', 'hfaZ')
  return { payload, findings }
}
