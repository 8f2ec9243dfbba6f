// The month's register: every person a figure flagged, with the flags and the findings behind them (the kader's
// "why"), sorted by place then name.
import type { Finding } from '../findings'
import type { Month, Person } from './month'
import { FLAGS, type Flag, type PwsHousehold, type RegisterRow } from './types'

interface Entry {
  flags: Set<Flag>
  /** One finding per code, in the order the sections flagged them. */
  findings: Map<string, Finding>
}

export class Register {
  private readonly flagged = new Map<string, Entry>()

  flag(memberId: string, f: Flag, findings: readonly Finding[] = []): void {
    let entry = this.flagged.get(memberId)
    if (!entry) {
      entry = { flags: new Set(), findings: new Map() }
      this.flagged.set(memberId, entry)
    }
    entry.flags.add(f)
    for (const finding of findings)
      if (!entry.findings.has(finding.code)) entry.findings.set(finding.code, finding)
  }

  /** Sorted by dusun, RW, RT, head of household, name. */
  rows(month: Month): RegisterRow[] {
    const rows: RegisterRow[] = []
    for (const [memberId, entry] of this.flagged) {
      const { member, stages } = month.people.get(memberId) as Person
      const household = month.households.get(member.householdId) as PwsHousehold
      const { dusun, rw, rt } = household.address ?? {}
      rows.push({
        memberId,
        name: member.name,
        sex: member.sex,
        birthDate: member.birthDate,
        stage: stages.stage,
        overlays: [...stages.overlays],
        household: {
          id: household.id,
          headName: household.headName,
          ...(dusun !== undefined ? { dusun } : {}),
          ...(rw !== undefined ? { rw } : {}),
          ...(rt !== undefined ? { rt } : {}),
        },
        flags: FLAGS.filter((f) => entry.flags.has(f)),
        findings: [...entry.findings.values()],
      })
    }
    const key = (r: RegisterRow) => [
      r.household.dusun ?? '',
      r.household.rw ?? '',
      r.household.rt ?? '',
      r.household.headName,
      r.household.id,
      r.name,
      r.memberId,
    ]
    // Each row's key is built once, not at every comparison.
    const keyed = rows.map((row) => ({ row, key: key(row) }))
    keyed.sort((a, b) => {
      for (let i = 0; i < a.key.length; i += 1) {
        const c = COLLATOR.compare(a.key[i] as string, b.key[i] as string)
        if (c !== 0) return c
      }
      return 0
    })
    return keyed.map(({ row }) => row)
  }
}

const COLLATOR = new Intl.Collator('id')
