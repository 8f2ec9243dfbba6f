// Every finding of one visit: each part filled in, read at the visit's own date — not at today — so an old visit
// reads the same forever (and the same on every device). The balita part also reads the member's earlier visits
// (N/T/O/B, 2T, doses given); the other parts are read by the stage interpreters (screening/index.ts).
import type { ClinicalSettings } from './clinical-settings'
import { daysBetween, isIsoDate } from './dates'
import type { Finding } from './findings'
import { DAYS_PER_MONTH, growthFindings, zScore } from './growth'
import {
  type InterpretedPart,
  SCREENING_INTERPRETERS,
  type ScreeningContext,
  type ScreeningPayloads,
} from './screening'
import {
  type BalitaHistoryEntry,
  type BalitaScreening,
  balitaReferralFindings,
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
  options: { jeEndemic?: boolean } = {},
): Finding[] {
  return findingsOf(visit, member, history, settings, options, interpretBalita)
}

/**
 * The 'rujuk' findings of visitFindings — the same findings in the same order — for readers that only ask what a
 * visit refers (the schedule's referral rule, on every member's latest visit). Cheaper on the balita part, whose
 * rules that never refer (the whole immunisation schedule, vitamin A, obat cacing, ASI) are not run
 * (screening/balita.ts balitaReferralFindings). tests/domain/visit-findings.test.ts checks it against visitFindings.
 */
export function referralFindings(
  visit: FindingsVisit,
  member: FindingsMember,
  history: readonly FindingsVisit[],
  settings: ClinicalSettings,
  options: { jeEndemic?: boolean } = {},
): Finding[] {
  const findings = findingsOf(visit, member, history, settings, options, balitaReferralFindings)
  return findings.filter((f) => f.level === 'rujuk')
}

const INTERPRETED_PARTS = Object.keys(SCREENING_INTERPRETERS) as InterpretedPart[]

function findingsOf(
  visit: FindingsVisit,
  member: FindingsMember,
  history: readonly FindingsVisit[],
  settings: ClinicalSettings,
  options: { jeEndemic?: boolean },
  readBalita: typeof interpretBalita,
): Finding[] {
  // Built field by field, without spreads: this runs for every member's latest visit in the schedule.
  const ctx: ScreeningContext = { today: visit.date, birthDate: member.birthDate, sex: member.sex, settings }
  if (member.hpht) ctx.hpht = member.hpht
  if (member.deliveryDate) ctx.deliveryDate = member.deliveryDate
  const { parts } = visit
  const findings: Finding[] = []
  if (parts.balita) {
    findings.push(
      ...readBalita(
        parts.balita,
        { ...ctx, visitDate: visit.date, ...options },
        balitaHistory(visit, history),
      ),
    )
  }
  for (const part of INTERPRETED_PARTS) {
    const payload = parts[part]
    if (!payload) continue
    if (part === 'remaja') {
      const remaja = remajaWithZ(payload as RemajaScreening, member, visit.date)
      findings.push(...remaja.findings, ...SCREENING_INTERPRETERS.remaja(remaja.payload, ctx))
    } else {
      // What screening/index.ts interpretScreenings does for one part, without its walk over every part.
      const interpret = SCREENING_INTERPRETERS[part] as (s: typeof payload, c: ScreeningContext) => Finding[]
      findings.push(...interpret(payload, ctx))
    }
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
 * implausible is not categorised: growthFindings says "check and re-measure" instead.
 */
function remajaWithZ(
  s: RemajaScreening,
  member: FindingsMember,
  visitDate: string,
): { payload: RemajaScreening; findings: Finding[] } {
  if (!isIsoDate(visitDate) || !isIsoDate(member.birthDate)) return { payload: s, findings: [] }
  const ageDays = daysBetween(member.birthDate, visitDate)
  const payload: RemajaScreening = { ...s }
  const findings: Finding[] = []
  const measured = { sex: member.sex, ageDays, weightKg: s.weightKg, lengthCm: s.heightCm }
  const apply = (indicator: 'bfa' | 'lhfa', key: 'bfaZ' | 'hfaZ') => {
    const z = zScore({ indicator, ...measured })
    if (!z.ok) return
    if (z.flagged) {
      delete payload[key]
      findings.push(...growthFindings({ ageMonths: ageDays / DAYS_PER_MONTH, scores: { [indicator]: z } }))
    } else {
      payload[key] = z.z
    }
  }
  if (s.weightKg !== undefined && s.heightCm !== undefined) apply('bfa', 'bfaZ')
  if (s.heightCm !== undefined) apply('lhfa', 'hfaZ')
  return { payload, findings }
}
