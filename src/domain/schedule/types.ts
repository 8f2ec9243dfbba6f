// The visit schedule's inputs and output. The inputs are structural: the stored records (protocol/records.ts Member,
// Visit, FollowUp, and data/visits.ts VisitRow) satisfy them as they are, since src/domain may not import src/data.

import type { ClinicalSettings } from '../clinical-settings'
import type { Destination, FollowUpOutcome } from '../referrals'
import type { Bilingual } from '../text'
import type { VisitPayloadParts } from '../visit-findings'

export interface ScheduleMember {
  id: string
  householdId: string
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: 'L' | 'P'
  hpht?: string
  deliveryDate?: string
  /** Soft-deleted records are skipped. */
  deleted?: boolean
  /** When the person was registered (an instant; its UTC date is read): nothing is "overdue" from before it. */
  createdAt?: string
  /** The delivery record: its time places the KF windows when no nifas visit gives one (postnatal.ts). */
  delivery?: { time?: string }
  /** A closed case: from its date the person has no tasks (but a death to report, keeper.ts). */
  closure?: {
    reason: 'pindah' | 'meninggal' | 'tidak_ditemukan'
    /** 'YYYY-MM-DD' */
    date: string
    /** 'YYYY-MM-DD': a death reported to the bidan. */
    reportedOn?: string
  }
}

export interface ScheduleVisit {
  id: string
  memberId: string
  /** 'YYYY-MM-DD' */
  date: string
  /** The visit this one corrects: that one no longer counts. */
  supersedes?: string
  /** Set on a stored row a later correction replaced (data/visits.ts VisitRow): it no longer counts. */
  supersededBy?: string
  deleted?: boolean
  /**
   * Where: the open day's regulars are those who came to the posyandu (openday/expected.ts); 'buku_kia': copied
   * from the Buku KIA (past doses and contacts with their dates), not a meeting.
   */
  place?: 'posyandu' | 'rumah' | 'buku_kia'
  /** When it was recorded (an instant): a Buku KIA copy is "done" on that day, whatever its date. */
  createdAt?: string
  parts: VisitPayloadParts
  /** The destination the kader chose per referred problem (referrals/history.ts). */
  referrals?: readonly { problem: string; destination: Destination }[]
}

export interface ScheduleFollowUp {
  /** The follow-up record's id: a resolved referral task names it in `doneBy`. */
  id: string
  visitId: string
  /** The referral problem; older records name a finding code instead (referrals/history.ts followUpProblem). */
  problem?: string
  findingCode?: string
  /** 'YYYY-MM-DD' */
  date: string
  outcome: FollowUpOutcome
  deleted?: boolean
}

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

/** When the posyandu opens (hari buka): e.g. { week: 2, weekday: 2 } = the second Tuesday of every month. */
export interface PosyanduCalendar {
  openDay: { week: 1 | 2 | 3 | 4 | 5 | 'last'; weekday: Weekday }
}

export interface ScheduleInput {
  members: readonly ScheduleMember[]
  visits: readonly ScheduleVisit[]
  followUps: readonly ScheduleFollowUp[]
  calendar: PosyanduCalendar
  settings: ClinicalSettings
  /** 'YYYY-MM-DD': the schedule never reads a clock. */
  today: string
  /** JE vaccination is given in this district (immunization.ts; endemic districts only). */
  jeEndemic?: boolean
}

export const TASK_RULES = [
  'balita_timbang',
  'bumil_kontak',
  'posyandu_absen',
  'anc_tm1',
  'anc_tm2',
  'anc_tm3',
  'kn1',
  'kn2',
  'kn3',
  'kf1',
  'kf2',
  'kf3',
  'kf4',
  'rujukan',
  'rujukan_segera',
  'tbc_kontak',
  'imunisasi',
  'vitamin_a',
  'skrining_dewasa',
  'skrining_lansia',
  'buku_kia',
  'lapor_kematian',
] as const
export type TaskRule = (typeof TASK_RULES)[number]

/**
 * upcoming: the window opens within UPCOMING_HORIZON_DAYS; due: inside the window; overdue: the window closed but the
 * task still makes sense; done: a current visit (or, for a referral, a follow-up) did it; expired: too late to do.
 */
export type TaskState = 'upcoming' | 'due' | 'overdue' | 'done' | 'expired'

/** 1 most urgent. See PRIORITY in task.ts for the mapping. */
export type TaskPriority = 1 | 2 | 3

export interface Task {
  /** `${rule}:${memberId}:${dueFrom}` — stable while the task is the same task, whatever today is. */
  id: string
  memberId: string
  householdId: string
  rule: TaskRule
  reason: Bilingual
  /** First day of the window, 'YYYY-MM-DD'. */
  dueFrom: string
  /** Last day of the window; after it the task is overdue, or expired when `lastDay` is dueTo. */
  dueTo: string
  /** Last day the task can still be done; undefined: it stays overdue until done. */
  lastDay?: string
  priority: TaskPriority
  state: TaskState
  /** Id of the visit that did it (for 'rujukan': the closing follow-up's id, when it has one). */
  doneBy?: string
  /** When it was done: the visit's or follow-up's date; for KN/KF/ANC the contact's date as recorded. */
  doneOn?: string
  /** The document the rule comes from, e.g. 'Permenkes 21/2021 (clinical-rules.md §2.2) [K, S]'. */
  source: string
}
