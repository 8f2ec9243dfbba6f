// The PWS bench's large desa: 5,000 households, 20,000 people, 100,000 visits over 2024, reported for December.
import { DEFAULT_CLINICAL_SETTINGS as settings } from '../../src/domain/clinical-settings'
import { normalizeDate } from '../../src/domain/dates'
import { memberStages } from '../../src/domain/lifecycle'
import type { PwsFollowUp, PwsHousehold, PwsMember, PwsVisit } from '../../src/domain/pws'
import { screeningPartsFor } from '../../src/domain/screening'
import type { VisitPayloadParts } from '../../src/domain/visit-findings'

const HOUSEHOLDS = 5_000
const VISITS = 100_000
const MONTH = '2024-12'

/** Deterministic PRNG (mulberry32), so every run builds the same area. */
function prng(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T
  return { next, int, pick }
}

function buildArea() {
  const r = prng(2024)
  const households: PwsHousehold[] = []
  const members: PwsMember[] = []
  const born = (minYears: number, maxYears: number) =>
    normalizeDate(2024, 12, 1 - r.int(minYears * 365, maxYears * 365))
  for (let h = 0; h < HOUSEHOLDS; h += 1) {
    const householdId = `h${h}`
    households.push({
      id: householdId,
      headName: `KK ${h}`,
      address: {
        dusun: `Dusun ${h % 4}`,
        rw: String(1 + (h % 5)).padStart(3, '0'),
        rt: String(1 + (h % 9)).padStart(3, '0'),
      },
    })
    const add = (sex: 'L' | 'P', birthDate: string, extra: Partial<PwsMember> = {}) =>
      members.push({
        id: `m${members.length}`,
        householdId,
        name: `Warga ${members.length}`,
        sex,
        birthDate,
        ...extra,
      })
    add('L', born(25, 65))
    const pregnant = r.next() < 0.08
    add('P', born(20, 45), pregnant ? { hpht: normalizeDate(2024, 12, 1 - r.int(20, 250)) } : {})
    add(r.pick(['L', 'P'] as const), r.next() < 0.4 ? born(0, 4.9) : born(6, 18))
    const fourth = r.next()
    add(r.pick(['L', 'P'] as const), fourth < 0.3 ? born(0, 4.9) : fourth < 0.5 ? born(60, 85) : born(15, 40))
  }
  return { households, members, r }
}

function payload(part: string, ageMonths: number, r: ReturnType<typeof prng>): VisitPayloadParts {
  const bp = () => ({ systolicMmHg: r.int(100, 175), diastolicMmHg: r.int(60, 105) })
  switch (part) {
    case 'balita':
      return {
        balita: {
          weightKg: Math.round((3.3 + ageMonths * 0.22 + (r.next() - 0.5) * 2) * 10) / 10,
          ...(r.next() < 0.3
            ? { lengthCm: Math.round(50 + ageMonths * 0.9), position: ageMonths < 24 ? 'lying' : 'standing' }
            : {}),
        },
      }
    case 'neonatus':
      return { neonatus: { dangerSigns: [] } }
    case 'remaja':
      return { remaja: { weightKg: 40, heightCm: 150, ...bp() } }
    case 'dewasa':
      return { dewasa: { ...bp(), ...(r.next() < 0.3 ? { gdsMgDl: r.int(80, 260) } : {}), tbcSymptoms: [] } }
    case 'lansia':
      return { lansia: { ...bp(), skilas: { chairStandSeconds: r.int(8, 18) } } }
    case 'ibu_hamil':
      return { ibu_hamil: { lilaCm: r.int(210, 280) / 10 } }
    default:
      return { nifas: { dangerSigns: [] } }
  }
}

function buildVisits(members: readonly PwsMember[], r: ReturnType<typeof prng>) {
  const visits: PwsVisit[] = []
  const followUps: PwsFollowUp[] = []
  const visit = (m: PwsMember, date: string) => {
    const stages = memberStages(m, date)
    if (!stages) return
    const ageMonths = (Date.parse(date) - Date.parse(m.birthDate)) / (30.4375 * 86_400_000)
    const parts: VisitPayloadParts = {}
    for (const part of screeningPartsFor(stages, m.sex)) Object.assign(parts, payload(part, ageMonths, r))
    const id = `v${String(visits.length).padStart(6, '0')}`
    visits.push({ id, memberId: m.id, date, place: r.next() < 0.8 ? 'posyandu' : 'rumah', parts })
    if (r.next() < 0.01) {
      const fix = visits.at(-1) as PwsVisit
      visits.push({ ...fix, id: `${id}x`, supersedes: id })
    }
    if (r.next() < 0.05) {
      followUps.push({ visitId: id, findingCode: 'td.hipertensi', date, outcome: 'sudah_ke_pustu' })
    }
  }
  // Balita are weighed most months; everyone else is visited a few times a year.
  for (const m of members) {
    if (m.birthDate < '2019-12-01') continue
    for (let month = 1; month <= 12 && visits.length < VISITS; month += 1) {
      const date = normalizeDate(2024, month, r.int(1, 28))
      if (date >= m.birthDate && r.next() < 0.85) visit(m, date)
    }
  }
  const others = members.filter((m) => m.birthDate < '2019-12-01')
  while (visits.length < VISITS) visit(r.pick(others), normalizeDate(2024, r.int(1, 12), r.int(1, 28)))
  return { visits: visits.slice(0, VISITS), followUps }
}

export function pwsArea() {
  const { households, members, r } = buildArea()
  const { visits, followUps } = buildVisits(members, r)
  return { households, members, visits, followUps, month: MONTH, settings }
}
