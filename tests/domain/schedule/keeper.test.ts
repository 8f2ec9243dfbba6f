import { describe, expect, it } from 'vitest'
import { DATA_TODAY, generate, KADER, POSYANDU_CALENDAR } from '../../../bench/generate'
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import { problemItemOf } from '../../../src/domain/referrals'
import {
  type ScheduleFollowUp,
  ScheduleKeeper,
  type ScheduleMember,
  type ScheduleOptions,
  type ScheduleVisit,
  visitTasks,
} from '../../../src/domain/schedule'
import { problemFindings } from '../../../src/domain/visit-findings'

// The keeper recomputes only the members an edit touches; after any sequence of edits its list must be the one a
// full run over the same records gives. The edits are those the app makes: visits saved (also ones finding a
// presumptive TB case, whose household contacts get tasks), corrections, follow-ups, member edits, deletions,
// moves between households, households leaving the area — on the bench's seeded kader area.

function prng(seed: number) {
  let s = seed
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0
    return s / 2 ** 32
  }
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T

/** The records as the store holds them: by id, in the order they were first put. */
class Records {
  members = new Map<string, ScheduleMember>()
  visits = new Map<string, ScheduleVisit>()
  followUps = new Map<string, ScheduleFollowUp>()

  full(options: ScheduleOptions) {
    return visitTasks({
      ...options,
      members: [...this.members.values()],
      visits: [...this.visits.values()],
      followUps: [...this.followUps.values()],
    })
  }
}

describe('ScheduleKeeper', () => {
  const data = generate(KADER)
  const options: ScheduleOptions = {
    today: DATA_TODAY,
    calendar: POSYANDU_CALENDAR,
    settings: DEFAULT_CLINICAL_SETTINGS,
  }

  it('after every kind of edit, lists what a full run over the same records lists', () => {
    const r = prng(7)
    const records = new Records()
    const keeper = new ScheduleKeeper()
    // A tenth of the visits arrive later, a few at a time, as a sync pulls them.
    const later = data.visits.filter(() => r() < 0.1)
    const laterIds = new Set(later.map((v) => v.id))
    for (const m of data.members) records.members.set(m.id, m)
    for (const v of data.visits) if (!laterIds.has(v.id)) records.visits.set(v.id, v)
    keeper.putMembers([...records.members.values()])
    keeper.putVisits([...records.visits.values()])
    expect(keeper.tasks(options)).toEqual(records.full(options))

    let serial = 0
    const newId = (prefix: string) => {
      serial += 1
      return `${prefix}-${String(serial).padStart(5, '0')}`
    }
    const liveMembers = () => [...records.members.values()].filter((m) => !m.deleted)
    const visitsOf = (memberId: string) => [...records.visits.values()].filter((v) => v.memberId === memberId)
    const putMember = (m: ScheduleMember) => {
      records.members.set(m.id, m)
      keeper.putMembers([m])
    }
    const putVisit = (v: ScheduleVisit) => {
      records.visits.set(v.id, v)
      keeper.putVisits([v])
    }

    const edits: Record<string, () => boolean> = {
      pulledVisits: () => {
        const batch = later.splice(0, 1 + Math.floor(r() * 20))
        for (const v of batch) records.visits.set(v.id, v)
        keeper.putVisits(batch)
        return batch.length > 0
      },
      visitToday: () => {
        const source = pick(r, [...records.visits.values()])
        putVisit({ ...source, id: newId('visit'), date: DATA_TODAY })
        return true
      },
      presumptiveTb: () => {
        const adult = [...records.visits.values()].filter((v) => v.parts.dewasa)
        const source = pick(r, adult)
        tbHouseholds.push(records.members.get(source.memberId)?.householdId ?? '')
        const dewasa = { ...source.parts.dewasa, tbcSymptoms: ['batuk_2_minggu', 'demam_2_minggu'] }
        putVisit({
          ...source,
          id: newId('visit'),
          date: DATA_TODAY,
          parts: { ...source.parts, dewasa } as never,
        })
        return true
      },
      correction: () => {
        const source = pick(r, [...records.visits.values()])
        putVisit({ ...source, id: newId('visit'), supersedes: source.id, parts: {} })
        return true
      },
      followUpClosing: () => {
        // A member whose latest visit refers something (tried in random order).
        for (let tries = 0; tries < 200; tries += 1) {
          const member = pick(r, liveMembers())
          const latest = visitsOf(member.id)
            .filter((v) => v.date <= DATA_TODAY)
            .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1))
            .at(-1)
          if (!latest || latest.date < member.birthDate) continue
          const findings = problemFindings(latest, member, visitsOf(member.id), DEFAULT_CLINICAL_SETTINGS)
          const finding = findings.find((x) => x.level === 'rujuk')
          const problem = finding && problemItemOf(finding.code)?.problem
          if (!problem) continue
          const f: ScheduleFollowUp = {
            id: newId('followup'),
            visitId: latest.id,
            problem,
            date: DATA_TODAY,
            outcome: 'sampai',
          }
          records.followUps.set(f.id, f)
          keeper.putFollowUps([f])
          return true
        }
        return false
      },
      // A kader copying a child's Buku KIA: past doses, dated when given, recorded today.
      bukuKiaCopy: () => {
        const child = pick(
          r,
          liveMembers().filter((m) => m.birthDate > '2022-01-01'),
        )
        putVisit({
          id: newId('visit'),
          memberId: child.id,
          date: child.birthDate,
          place: 'buku_kia',
          createdAt: `${DATA_TODAY}T02:00:00.000Z`,
          parts: { balita: { immunizations: [{ antigen: 'HB0', dose: 1 }] } },
        })
        return true
      },
      // The same referral followed up twice: not yet, then refused (it closes).
      followUpNotYetThenRefused: () => {
        const visit = pick(r, [...records.visits.values()])
        for (const outcome of ['belum_berangkat', 'menolak'] as const) {
          const f: ScheduleFollowUp = {
            id: newId('followup'),
            visitId: visit.id,
            problem: 'tekanan_darah',
            date: DATA_TODAY,
            outcome,
          }
          records.followUps.set(f.id, f)
          keeper.putFollowUps([f])
        }
        return true
      },
      memberEdited: () => {
        const m = pick(r, liveMembers())
        putMember({ ...m, birthDate: r() < 0.5 ? '2026-08-01' : '1950-05-05' })
        return true
      },
      // A case closed (moved away, died — with the death reported or not — not found), or reopened.
      memberClosed: () => {
        const m = pick(r, liveMembers())
        const reason = pick(r, ['pindah', 'meninggal', 'tidak_ditemukan'] as const)
        const reported = reason === 'meninggal' && r() < 0.5 ? { reportedOn: DATA_TODAY } : {}
        putMember({ ...m, closure: { reason, date: DATA_TODAY, ...reported } })
        return true
      },
      memberReopened: () => {
        const closed = liveMembers().filter((m) => m.closure)
        if (closed.length === 0) return false
        const { closure: _reopened, ...m } = pick(r, closed)
        putMember(m)
        return true
      },
      memberDeleted: () => {
        putMember({ ...pick(r, liveMembers()), deleted: true })
        return true
      },
      // Out of, or into, a household with a presumptive TB case: the contacts' tasks of both households change.
      memberMoved: () => {
        const household = pick(r, tbHouseholds)
        const tbMembers = liveMembers().filter((x) => x.householdId === household)
        const m = pick(r, r() < 0.5 && tbMembers.length > 0 ? tbMembers : liveMembers())
        putMember({ ...m, householdId: pick(r, liveMembers()).householdId })
        return true
      },
      householdLeft: () => {
        const householdId = pick(r, liveMembers()).householdId
        const gone = [...records.members.values()].filter((m) => m.householdId === householdId)
        for (const m of gone) {
          records.members.delete(m.id)
          for (const v of visitsOf(m.id)) records.visits.delete(v.id)
        }
        keeper.removeMembers(gone.map((m) => m.id))
        return true
      },
    }

    const tbHouseholds: string[] = []
    const done = new Set<string>()
    for (let step = 0; step < 80; step += 1) {
      const name = pick(r, Object.keys(edits))
      if (!edits[name]?.()) continue
      done.add(name)
      expect(keeper.tasks(options), `after ${name} (step ${step})`).toEqual(records.full(options))
    }
    expect([...done].sort()).toEqual(Object.keys(edits).sort())

    // Another day starts over with every member.
    const tomorrow = { ...options, today: '2026-11-01' }
    expect(keeper.tasks(tomorrow)).toEqual(records.full(tomorrow))
  }, 240_000) // a full schedule of a kader's area after every edit: over a minute on a loaded 2-core machine

  it('recomputes only touched members: an edit leaves the other members’ tasks as they were', () => {
    const keeper = new ScheduleKeeper()
    keeper.putMembers(data.members)
    keeper.putVisits(data.visits)
    const before = keeper.tasks(options)
    const member = data.members.find((m) => before.some((t) => t.memberId === m.id)) as ScheduleMember
    keeper.putMembers([{ ...member, deleted: true }])
    const after = keeper.tasks(options)
    expect(after.some((t) => t.memberId === member.id)).toBe(false)
    // Same task objects for everyone else: they were not worked out again.
    const kept = new Set(before)
    const others = after.filter((t) => t.memberId !== member.id && t.rule !== 'tbc_kontak')
    expect(others.length).toBeGreaterThan(0)
    expect(others.every((t) => kept.has(t))).toBe(true)
  })
})
