// What a referral is about. A visit's findings name what was checked by a code ('td.hipertensi', 'kms.t'); here each
// code is placed in a PROBLEM — the unit the kader refers and follows up (one blood-pressure referral, however many
// parts of the form measured it) — and an ITEM — the one measurement inside it that a later visit can re-measure
// (clinical-rules.md §3.1). A growth referral holds the items BB/U, TB/U, BB/TB … that referred; it closes only when
// every one of them was measured again and no longer refers.
import type { Finding } from '../findings'
import type { Bilingual } from '../text'

export const REFERRAL_PROBLEMS = [
  'tanda_bahaya_kehamilan',
  'tanda_bahaya_nifas',
  'tanda_bahaya_bayi',
  'tanda_bahaya_balita',
  'tekanan_darah',
  'gula_darah',
  'gizi',
  'lingkar_kepala',
  'demam',
  'anemia',
  'tbc',
  'ppok',
  'jiwa',
  'skilas',
  'aks',
  'imt',
] as const
export type ReferralProblem = (typeof REFERRAL_PROBLEMS)[number]

/** Where the kader sends the person (the referral slip's "kepada"). */
export const DESTINATIONS = ['pustu', 'puskesmas', 'posyandu_nakes', 'rs'] as const
export type Destination = (typeof DESTINATIONS)[number]

export const PROBLEM_LABELS: Record<ReferralProblem, Bilingual> = {
  tanda_bahaya_kehamilan: { id: 'Tanda bahaya kehamilan', en: 'Pregnancy danger signs' },
  tanda_bahaya_nifas: { id: 'Tanda bahaya nifas', en: 'Postpartum danger signs' },
  tanda_bahaya_bayi: { id: 'Tanda bahaya bayi baru lahir', en: 'Newborn danger signs' },
  tanda_bahaya_balita: { id: 'Tanda bahaya balita', en: 'Child danger signs' },
  tekanan_darah: { id: 'Tekanan darah', en: 'Blood pressure' },
  gula_darah: { id: 'Gula darah', en: 'Blood glucose' },
  gizi: { id: 'Gizi dan pertumbuhan', en: 'Nutrition and growth' },
  lingkar_kepala: { id: 'Lingkar kepala', en: 'Head circumference' },
  demam: { id: 'Demam', en: 'Fever' },
  anemia: { id: 'Anemia', en: 'Anaemia' },
  tbc: { id: 'Terduga TBC', en: 'Presumptive TB' },
  ppok: { id: 'Risiko PPOK', en: 'COPD risk' },
  jiwa: { id: 'Kesehatan jiwa', en: 'Mental health' },
  skilas: { id: 'SKILAS (skrining lansia)', en: 'SKILAS (older-person screening)' },
  aks: { id: 'Kemandirian (AKS)', en: 'Daily-living independence (ADL)' },
  imt: { id: 'Berat badan (IMT)', en: 'Body weight (BMI)' },
}

export const DESTINATION_LABELS: Record<Destination, Bilingual> = {
  pustu: { id: 'Pustu', en: 'Pustu (village health post)' },
  puskesmas: { id: 'Puskesmas', en: 'Puskesmas' },
  posyandu_nakes: { id: 'Nakes di posyandu/posbindu', en: 'Health worker at the posyandu/posbindu' },
  rs: { id: 'Rumah sakit', en: 'Hospital' },
}

export interface ProblemItem {
  problem: ReferralProblem
  /** The measurement inside the problem: 'td', 'bbu', 'kenaikan', a SKILAS domain … */
  item: string
}

// Prefix → problem and item, longest prefix first. A code that names no measurement a later visit can repeat —
// a value WHO flags as implausible, a length measured standing too early, O or B (no gain can be read), an
// unfinished SRQ-20 — maps to nothing: it neither opens nor closes a referral.
const BY_PREFIX: readonly [prefix: string, problem: ReferralProblem, item?: string][] = [
  ['bumil.tanda_bahaya.', 'tanda_bahaya_kehamilan', 'tanda_bahaya'],
  ['nifas.tanda_bahaya.', 'tanda_bahaya_nifas', 'tanda_bahaya'],
  ['neonatus.tanda_bahaya.', 'tanda_bahaya_bayi', 'tanda_bahaya'],
  ['balita.tanda_bahaya.', 'tanda_bahaya_balita', 'tanda_bahaya'],
  // One blood pressure however many parts read it: the pregnancy reading, pre-eclampsia with it, and the adult or
  // remaja one (visit-findings.ts keeps only one of them per visit).
  ['bumil.td.', 'tekanan_darah', 'td'],
  ['bumil.preeklampsia', 'tekanan_darah', 'td'],
  ['td.', 'tekanan_darah', 'td'],
  ['gds.', 'gula_darah', 'gds'],
  ['bumil.hb.', 'anemia', 'hb'],
  ['hb.', 'anemia', 'hb'],
  ['kms.bgm', 'gizi', 'bbu'],
  ['kms.t', 'gizi', 'kenaikan'],
  ['kms.2t', 'gizi', 'kenaikan'],
  ['kms.n', 'gizi', 'kenaikan'],
  ['bbu.', 'gizi', 'bbu'],
  ['tbu.', 'gizi', 'tbu'],
  ['bbtb.', 'gizi', 'bbtb'],
  ['imtu.', 'gizi', 'imtu'],
  ['lila.', 'gizi', 'lila'],
  ['balita.edema', 'gizi', 'edema'],
  ['lku.', 'lingkar_kepala', 'lku'],
  ['balita.demam', 'demam', 'suhu'],
  ['balita.suhu_normal', 'demam', 'suhu'],
  ['tbc.terduga', 'tbc', 'gejala'],
  ['tbc.bukan_terduga', 'tbc', 'gejala'],
  ['puma.', 'ppok', 'puma'],
  ['jiwa.srq20.item17', 'jiwa', 'srq20'],
  ['jiwa.srq20.positif', 'jiwa', 'srq20'],
  ['jiwa.srq20.negatif', 'jiwa', 'srq20'],
  ['jiwa.phq2.', 'jiwa', 'phq2'],
  ['jiwa.gad2.', 'jiwa', 'gad2'],
  ['skilas.', 'skilas'],
  ['aks.', 'aks', 'aks'],
  ['imt.', 'imt', 'imt'],
]

const NOT_A_MEASUREMENT = ['.tidak-wajar', '.posisi-salah']

const known = new Map<string, ProblemItem | null>()

/** The problem and item a finding code belongs to, or undefined when it names nothing a referral follows. */
export function problemItemOf(code: string): ProblemItem | undefined {
  let found = known.get(code)
  if (found === undefined) {
    found = lookUp(code)
    known.set(code, found)
  }
  return found ?? undefined
}

function lookUp(code: string): ProblemItem | null {
  if (NOT_A_MEASUREMENT.some((suffix) => code.endsWith(suffix))) return null
  for (const [prefix, problem, item] of BY_PREFIX) {
    if (!code.startsWith(prefix)) continue
    // SKILAS: each of its six domains is an item ('skilas.kognitif.positif' → 'kognitif').
    return { problem, item: item ?? code.split('.')[1] ?? code }
  }
  return null
}

/** The problem a finding code belongs to (a follow-up recorded before problems existed names a finding code). */
export function problemOf(code: string): ReferralProblem | undefined {
  return problemItemOf(code)?.problem
}

export function isReferralProblem(value: string): value is ReferralProblem {
  return (REFERRAL_PROBLEMS as readonly string[]).includes(value)
}

// The default destination (the kader can change it): the ILP network runs posyandu → pustu → puskesmas
// (clinical-rules.md §1), so a routine referral goes to the pustu; an urgent one, and the problems whose own
// instrument names the puskesmas — SKILAS "RUJUK PUSKESMAS" [V] (§2.5), 2T "rujuk ke Puskesmas" [S] (§2.1) —
// go to the puskesmas, as do terduga TBC (sputum test) and AKS (§2.4, §2.5).
const PUSKESMAS_PROBLEMS: ReadonlySet<ReferralProblem> = new Set(['skilas', 'aks', 'gizi', 'tbc'])

export function defaultDestination(problem: ReferralProblem, urgent: boolean): Destination {
  return urgent || PUSKESMAS_PROBLEMS.has(problem) ? 'puskesmas' : 'pustu'
}

export type FindingGroup =
  | { kind: 'referral'; problem: ReferralProblem; urgent: boolean; findings: Finding[] }
  | { kind: 'single'; finding: Finding }

/**
 * A visit's findings as the kader acts on them: one "Rujuk" group per referral problem, urgent ones first, with its
 * findings underneath (a child's BB/U, BGM, PB/U, BB/PB, IMT/U and LiLA are one growth referral), then the rest in
 * their order. A 'rujuk' finding of no problem (none today) stands alone.
 */
export function findingGroups(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<
    ReferralProblem,
    { problem: ReferralProblem; urgent: boolean; findings: Finding[] }
  >()
  const rest: FindingGroup[] = []
  for (const f of findings) {
    const problem = f.level === 'rujuk' ? problemItemOf(f.code)?.problem : undefined
    if (!problem) {
      rest.push({ kind: 'single', finding: f })
      continue
    }
    const group = groups.get(problem) ?? { problem, urgent: false, findings: [] }
    group.findings.push(f)
    if (f.urgent) group.urgent = true
    groups.set(problem, group)
  }
  const referrals = [...groups.values()].sort((a, b) => Number(b.urgent) - Number(a.urgent))
  return [...referrals.map((g) => ({ kind: 'referral' as const, ...g })), ...rest]
}
