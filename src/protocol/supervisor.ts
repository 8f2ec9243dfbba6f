// Roles and the wilayah binaan API (issue 15; docs/sync-protocol.md, "Roles and the wilayah binaan"): what a
// supervisor's app asks the server and what it answers. Shared by the app and server/supervisor/.
import * as z from 'zod/mini'
import type { PwsIndicators, PwsReport, PwsStatus } from '../domain/pws'
import type { Role } from './roles'
import type { WorkAreaInfo } from './wire'

/** `POST /api/v1/status`: what the device's outbox holds after a sync run (counts only). */
export const deviceStatusRequest = z.object({
  pending: z.number().check(z.int(), z.gte(0), z.lte(10_000_000)),
  rejected: z.number().check(z.int(), z.gte(0), z.lte(10_000_000)),
})
export type DeviceStatus = z.infer<typeof deviceStatusRequest>

export interface KaderSync {
  username: string
  name: string
  /** The latest sync run any of the kader's devices reported; null when none has. */
  lastSync: string | null
  /** That device's outbox then: changes waiting, and refused. */
  pending: number | null
  rejected: number | null
}

/** A cumulative indicator's standing for the year so far. */
export interface YearIndicator {
  id: string
  cumulative: number
  sasaran: number
  /** cumulative / sasaran; null when the sasaran is 0. */
  coverage: number | null
  /** The target to date as a fraction of the sasaran. */
  expected: number
  status: PwsStatus | null
}

export interface QualityCounts {
  /** Values outside the plausible range, saved after the kader confirmed them, in the month's visits. */
  implausible: number
  /** People whose NIK is also registered in another area of the scope. */
  duplicateNik: number
  /** Households with no GPS point. */
  noGps: number
}

export interface AreaSummary {
  area: WorkAreaInfo
  kaders: KaderSync[]
  households: number
  /** The month's headline figures. */
  month: {
    S: number
    K: number
    D: number
    N: number
    /** D/S and N/D; null when the denominator is 0. */
    DS: number | null
    ND: number | null
    visits: number
    referralsOpen: number
  }
  /** Every cumulative indicator, January to the month. */
  year: YearIndicator[]
  /** Open referrals whose follow-up is overdue on the server's day: the area's page names them. */
  overdue: number
  quality: QualityCounts
}

/** One person behind a flag, named for the supervisor of the area (never outside her scope). */
export interface NamedPerson {
  areaId: string
  householdId: string
  /** Absent for a household's own flag (no GPS): then name is the head of household's. */
  memberId?: string
  name: string
  headName: string
  dusun?: string
  rw?: string
  rt?: string
}

export interface OverdueReferral extends NamedPerson {
  /** referrals/problems.ts ReferralProblem */
  problem: string
  openedOn: string
  dueTo: string
  urgency: 'segera' | 'biasa'
}

export interface QualityFlag extends NamedPerson {
  kind: 'implausible' | 'duplicateNik' | 'noGps'
  /** implausible: the visit's date; duplicateNik: the other area's id (in scope). */
  detail?: string
}

/**
 * `GET /api/v1/binaan?month=YYYY-MM`: every area of the scope in counts. Named lists are each area's own (below): a
 * puskesmas' 30 areas of two years' records named every overdue referral and household without GPS in 8.8 MB.
 */
export interface BinaanResponse {
  month: string
  role: Role
  areas: AreaSummary[]
  serverTime: string
}

/**
 * `GET /api/v1/binaan/areas/:id?month=YYYY-MM`: the posyandu's own PWS for the month, figures only — every id list
 * of the report and the indicators is left empty and the register out — and by name, the area's overdue referrals
 * and data-quality flags, which its supervisor follows up.
 */
export interface BinaanAreaResponse {
  area: WorkAreaInfo
  report: Omit<PwsReport, 'register'>
  indicators: PwsIndicators
  /** Open referrals whose follow-up is overdue on the server's day, most overdue first. */
  overdue: OverdueReferral[]
  quality: QualityFlag[]
  serverTime: string
}

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** One annual target as the puskesmas keeps it (null: not entered, the default applies). */
export interface AreaTarget {
  indicator: string
  sasaran: number | null
  percent: number | null
}

/** `GET /api/v1/binaan/areas/:id/targets?year=YYYY`: the area's entered targets; only a puskesmas or admin edits. */
export interface AreaTargetsResponse {
  year: number
  canEdit: boolean
  targets: AreaTarget[]
}

/** `POST /api/v1/binaan/areas/:id/targets`: sets one indicator's target; both null removes it. */
export const setTargetRequest = z.object({
  year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
  indicator: z.string().check(z.minLength(1), z.maxLength(64)),
  sasaran: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(10_000_000))),
  percent: z.nullable(z.number().check(z.gt(0), z.lte(100))),
})
export type SetTargetRequest = z.infer<typeof setTargetRequest>
