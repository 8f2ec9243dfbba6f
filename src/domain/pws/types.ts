// The PWS month's input (the fields the report reads) and its output: the figures, the register and the notes.

import type { ClinicalSettings } from '../clinical-settings'
import type { Finding } from '../findings'
import type { LifeStage, Overlay } from '../lifecycle'
import type { FollowUpOutcome, ReferralVisit } from '../referrals'
import type { Bilingual } from '../text'
import type { VisitPayloadParts } from '../visit-findings'

// ——— Input: the fields the report reads; the stored records (protocol/records.ts) satisfy these types ———

export interface PwsHousehold {
  id: string
  headName: string
  address?: { dusun?: string; rw?: string; rt?: string }
  deleted?: boolean
}

export interface PwsMember {
  id: string
  householdId: string
  name: string
  sex: 'L' | 'P'
  /** 'YYYY-MM-DD' */
  birthDate: string
  hpht?: string
  deliveryDate?: string
  /** Punya Buku KIA/KMS (children): undefined when not asked yet. */
  hasKiaBook?: boolean
  deleted?: boolean
  /** How the latest pregnancy ended (protocol/records.ts delivery): its place counts persalinan di fasyankes. */
  delivery?: { date: string; outcome: string; place?: string }
  /** A closed case (pindah, meninggal, tidak ditemukan): not in the sasaran of the months after its date. */
  closure?: { date: string; reason: 'pindah' | 'meninggal' | 'tidak_ditemukan' }
}

export interface PwsVisit {
  /** UUID v7 in the app: same-day visits are ordered by id (creation order). */
  id: string
  memberId: string
  /** 'YYYY-MM-DD' */
  date: string
  /** 'buku_kia': copied from the Buku KIA — history, not a visit of the month. */
  place: 'posyandu' | 'rumah' | 'buku_kia'
  supersedes?: string
  parts: VisitPayloadParts
  deleted?: boolean
  /** The destination chosen per referred problem (referrals/history.ts). */
  referrals?: ReferralVisit['referrals']
}

export interface PwsFollowUp {
  visitId: string
  /** The referral problem; older records name a finding code instead (referrals/history.ts). */
  problem?: string
  findingCode?: string
  /** 'YYYY-MM-DD' */
  date: string
  outcome: FollowUpOutcome
  deleted?: boolean
}

export interface PwsInput {
  households: readonly PwsHousehold[]
  members: readonly PwsMember[]
  visits: readonly PwsVisit[]
  followUps: readonly PwsFollowUp[]
  /** 'YYYY-MM' */
  month: string
  settings: ClinicalSettings
}

// ——— Output ———

/** A number of people and who they are (ids sorted); value === memberIds.length. */
export interface Count {
  value: number
  memberIds: string[]
}

/** numerator / denominator; value null when the denominator is 0. Percent = value × 100. */
export interface Ratio {
  value: number | null
  numerator: Count
  denominator: Count
}

/** Visits: value = number of visits; memberIds = the distinct people visited. */
export interface VisitTally {
  value: number
  visitIds: string[]
  memberIds: string[]
}

export interface Skdn {
  /** Balita 0–59 completed months on the reference date. */
  S: Count
  /** Recorded as having a Buku KIA/KMS (member.hasKiaBook). */
  K: Count
  /** Members of S whose Buku KIA/KMS is not recorded either way (counted outside K; note 'kia-book'). */
  kiaBookUnrecorded: Count
  /** Weighed in the month (posyandu or home). */
  D: Count
  N: Count
  T: Count
  O: Count
  B: Count
  /** D′ = D − O − B = N + T: weighed both last month and this month. */
  Dprime: Count
  /** Bawah garis merah at the month's weighing. */
  BGM: Count
  /** Two T in a row, ending this month. */
  twoT: Count
  /** S − D: balita not weighed this month (kunjungan khusus, clinical-rules.md §3.1). */
  notWeighed: Count
  ratios: {
    /** K/S: programme coverage. */
    KS: Ratio
    /** D/S: community participation. */
    DS: Ratio
    /** N/D, as usually reported. */
    ND: Ratio
    /** N/D′: the strict growth success rate (§3.2). */
    NDprime: Ratio
    /** D/K: continuity. */
    DK: Ratio
    /** N/S: programme effectiveness. */
    NS: Ratio
    BGMD: Ratio
  }
}

export const RISKS = [
  'stunting',
  'wasting',
  'underweight',
  'kek',
  'hipertensi',
  'gulaDarahTinggi',
  'terdugaTbc',
  'skilasPositif',
] as const
export type Risk = (typeof RISKS)[number]

export const FLAGS = ['T', '2T', 'BGM', ...RISKS, 'referralMade', 'referralClosed', 'referralOpen'] as const
/** Why a person is on the register: the figures they count in. */
export type Flag = (typeof FLAGS)[number]

/** One person of the register: someone who needs (or got) action this month. No NIK. */
export interface RegisterRow {
  memberId: string
  name: string
  sex: 'L' | 'P'
  birthDate: string
  stage: LifeStage
  overlays: Overlay[]
  household: { id: string; headName: string; dusun?: string; rw?: string; rt?: string }
  /** In FLAGS order. */
  flags: Flag[]
  /** The findings behind the flags (one per code): the kader's "why". */
  findings: Finding[]
}

export interface PwsNote {
  code: 'reference-date' | 'kia-book' | 'latest-in-month' | 'corrections'
  message: Bilingual
}

export interface PwsReport {
  /** 'YYYY-MM' */
  month: string
  /** The month's last day: every age, stage and sasaran is read on it. */
  referenceDate: string
  households: { value: number; householdIds: string[] }
  sasaran: { total: Count; stages: Record<LifeStage, Count>; overlays: Record<Overlay, Count> }
  skdn: Skdn
  /** Screened in the month / sasaran, per stage and overlay. */
  coverage: { stages: Record<LifeStage, Ratio>; overlays: Record<Overlay, Ratio> }
  /** At risk / measured in the month. */
  risks: Record<Risk, Ratio>
  visits: { posyandu: VisitTally; rumah: VisitTally; total: VisitTally }
  referrals: {
    /** A referral opened by a visit this month. */
    made: Count
    /** A referral closed this month (followed up or re-measured), and nothing open at month end. */
    closed: Count
    /** Still open on the month's last day (referrals/history.ts). */
    open: Count
  }
  /** Sorted by dusun, RW, RT, head of household, name. */
  register: RegisterRow[]
  notes: PwsNote[]
}
