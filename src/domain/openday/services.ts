// Langkah 4 (pelayanan, clinical-rules.md §1.1): what the posyandu gives the member today, as toggles that start
// at what is due (§1.2 service package). Where the visit record already has a field for a service, the open day
// writes it there — vitamin A, obat cacing and immunisation in the balita part, vitamin A in the nifas part — so the
// schedule and PWS read them as before; the rest (PMT, TTD, oralit) is OPEN_DAY_SERVICES on the visit.

import { ageOn } from '../age'
import type { ClinicalSettings } from '../clinical-settings'
import type { Finding } from '../findings'
import {
  type Antigen,
  type DoseGiven,
  immunizationStatus,
  obatCacingDue,
  unrecordedFinding,
  type VitaminACapsule,
  vitaminADue,
} from '../immunization'
import { type LifeStage, memberStages, nifas } from '../lifecycle'
import type { OpenDayMember, OpenDayVisit } from './types'

/** Services with no field of their own in a screening part, stored on the visit (protocol/visits.ts `services`). */
export const OPEN_DAY_SERVICES = ['pmt', 'ttd', 'oralit'] as const
export type OpenDayService = (typeof OPEN_DAY_SERVICES)[number]

export interface ServicePlan {
  /** A vitamin A capsule due today: a child in a February/August round (§2.1), or a mother in nifas. */
  vitaminA?: VitaminACapsule
  /** Obat cacing due this period (§2.1; rounds per year: clinical settings). */
  obatCacing: boolean
  /**
   * Immunisation doses due or overdue today — the nakes gives them; the kader records what was given. A dose due
   * now starts switched on; an overdue one starts off (a late dose is the nakes' decision).
   */
  doses: { antigen: Antigen; dose: number; byDefault: boolean }[]
  /**
   * No dose recorded yet although some are overdue: the doses are in the Buku KIA, not in the app — they are
   * copied in the full visit form first (immunization.ts unrecordedFinding), and none is offered here.
   */
  immunizationUnrecorded: boolean
  /** The other services offered to this member, each with whether it starts switched on. */
  offered: { service: OpenDayService; byDefault: boolean }[]
}

// Nifas: two red capsules, the second at least 24 hours after the first, within 42 days (§2.1) [S].
const NIFAS_VITAMIN_A_CAPSULES = 2
// Remaja putri: TTD every week (§2.3) [S]; from 12 years, as the school programme gives it (kelas 7) [S].
const TTD_REMAJA_PUTRI_FROM_YEARS = 12
// Findings that ask for PMT: a child who gains too little or is undernourished (PMT pemulihan, §1.2) and an ibu
// hamil with LiLA < 23.5 cm (PMT bumil KEK, §2.2). Codes as growth/findings.ts and screening/ibu-hamil.ts name them.
const PMT_FINDINGS: ReadonlySet<string> = new Set([
  'bbu.sangat-kurang',
  'bbu.kurang',
  'bbtb.gizi-buruk',
  'bbtb.gizi-kurang',
  'imtu.gizi-buruk',
  'imtu.gizi-kurang',
  'lila.gizi-buruk',
  'lila.gizi-kurang',
  'kms.t',
  'kms.2t',
  'kms.bgm',
  'bumil.lila.kek',
])

const CHILD_STAGES: ReadonlySet<LifeStage> = new Set(['bayi_baru_lahir', 'bayi', 'balita', 'prasekolah'])

/**
 * The services of the member's stage on `date`. `history`: the member's current visits before this one (any
 * order); `findings`: today's findings, when the measures are in (PMT starts on for undernutrition).
 */
export function servicePlan(
  member: OpenDayMember,
  history: readonly OpenDayVisit[],
  date: string,
  settings: Pick<ClinicalSettings, 'dewormingPerYear'>,
  findings: readonly Finding[] = [],
  options: { jeEndemic?: boolean } = {},
): ServicePlan {
  const plan: ServicePlan = { obatCacing: false, doses: [], immunizationUnrecorded: false, offered: [] }
  const stages = memberStages(member, date)
  if (!stages) return plan
  const before = history.filter((v) => v.date <= date)
  const needsPmt = findings.some((f) => PMT_FINDINGS.has(f.code))
  const pregnant = stages.overlays.includes('ibu_hamil')
  if (CHILD_STAGES.has(stages.stage)) {
    const child = (v: OpenDayVisit) => v.parts.balita
    const vitaminA = vitaminADue(
      member.birthDate,
      before.filter((v) => child(v)?.vitaminA === true).map((v) => v.date),
      date,
    )
    if (vitaminA.state === 'due') plan.vitaminA = vitaminA.capsule
    const deworming = obatCacingDue(
      member.birthDate,
      before.filter((v) => child(v)?.obatCacing === true).map((v) => v.date),
      date,
      settings,
    )
    plan.obatCacing = deworming.state === 'due'
    const given: DoseGiven[] = before.flatMap((v) =>
      (child(v)?.immunizations ?? []).map((d) => ({ antigen: d.antigen, dose: d.dose, date: v.date })),
    )
    const statuses = immunizationStatus(member.birthDate, given, date, options)
    plan.immunizationUnrecorded = unrecordedFinding(statuses) !== undefined
    if (!plan.immunizationUnrecorded)
      plan.doses = statuses
        .filter((s) => s.state === 'due' || s.state === 'overdue')
        .map((s) => ({ antigen: s.antigen, dose: s.dose, byDefault: s.state === 'due' }))
    plan.offered = [
      { service: 'pmt', byDefault: needsPmt },
      { service: 'oralit', byDefault: false },
    ]
    return plan
  }
  if (member.deliveryDate && nifas(member.deliveryDate, date)) {
    const given = before.flatMap((v) => v.parts.nifas?.vitaminADates ?? [])
    const sinceDelivery = given.filter((d) => d >= (member.deliveryDate as string))
    if (sinceDelivery.length < NIFAS_VITAMIN_A_CAPSULES) plan.vitaminA = 'merah'
  }
  const putri = member.sex === 'P' && stages.stage === 'usia_sekolah_remaja'
  const ttdRemaja = putri && ageOn(member.birthDate, date).years >= TTD_REMAJA_PUTRI_FROM_YEARS
  plan.offered = [
    // TTD: every ibu hamil takes one a day (§2.2); remaja putri one a week (§2.3).
    { service: 'ttd', byDefault: pregnant || ttdRemaja },
    { service: 'pmt', byDefault: needsPmt },
    { service: 'oralit', byDefault: false },
  ]
  return plan
}
