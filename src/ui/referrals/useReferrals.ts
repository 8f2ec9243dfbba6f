// The work area's referrals for the referral screens, from the records on this phone: each member's current visits
// read with their findings (visits/findings.ts) and the follow-ups, by domain/referrals referralHistory — the same
// rules the schedule and the PWS use.
import { useMemo } from 'react'
import { useClinicalSettings, useWorkArea, useWorkAreaRows } from '../../data/hooks'
import { useWorkAreaVisits } from '../../data/visit-hooks'
import { type CaseClosure, compareReferrals, type Referral, referralHistory } from '../../domain/referrals'
import type { Household, Member } from '../../protocol/records'
import { useToday } from '../shared/today'
import { findingsByVisit } from '../visits/findings'

export interface AreaReferrals {
  /** Open first (segera, most overdue), then closed, latest first (compareReferrals). */
  referrals: Referral[]
  members: Map<string, Member>
  households: Map<string, Household>
}

export function useAreaReferrals(): AreaReferrals | undefined {
  const today = useToday()
  const workArea = useWorkArea()
  const rows = useWorkAreaRows(workArea?.id, today)
  const area = useWorkAreaVisits(workArea?.id)
  const settings = useClinicalSettings()
  return useMemo(() => {
    if (!rows || !area || !settings) return undefined
    const members = new Map<string, Member>()
    const households = new Map<string, Household>()
    for (const row of rows) {
      households.set(row.household.id, row.household)
      for (const m of row.members) members.set(m.id, m)
    }
    const byMember = new Map<string, typeof area.visits>()
    for (const v of area.visits) {
      if (v.date > today) continue
      const list = byMember.get(v.memberId)
      if (list) list.push(v)
      else byMember.set(v.memberId, [v])
    }
    const visits = [...members.values()].flatMap((m) => {
      const own = byMember.get(m.id) ?? []
      const findings = findingsByVisit(own, m, settings)
      return own.map((v) => ({ ...v, findings: findings.get(v.id) ?? [] }))
    })
    // A closed case (pindah, meninggal, tidak ditemukan) closes its open referrals on its date.
    const closures = new Map<string, CaseClosure>()
    for (const m of members.values())
      if (m.closure && m.closure.date <= today)
        closures.set(m.id, { date: m.closure.date, reason: m.closure.reason })
    const followUps = area.followUps.filter((f) => !f.deleted && f.date <= today)
    const referrals = referralHistory(visits, followUps, closures).sort(compareReferrals)
    return { referrals, members, households }
  }, [rows, area, settings, today])
}
