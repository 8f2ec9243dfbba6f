// Deterministic benchmark data: households, members and two years of visits of a posyandu work area, from a seeded
// PRNG, so that every run (and every machine) measures the same records. Runs in Node (self-check, server seeding)
// and in the browser (bulk loading the phone's IndexedDB without shipping megabytes through the DevTools protocol).
//
//   kader  400 households, 1,500 members, 8,100 visits   — one kader's RW; with its households and members exactly
//                                                          the 10,000 records of the first-sync benchmark
//   pustu  5,000 households, 20,000 members, 100,000 visits — a pustu's whole desa
//
// Realism where the app's cost depends on it: household sizes, an Indonesian age pyramid, mothers of babies with a
// delivery date, pregnancies with an HPHT, visits chosen by life stage (balita and ibu hamil nearly every month,
// lansia often, dewasa and remaja rarely) with the screening part of the stage and measurements near the WHO medians.
// Every record passes the app's zod schemas (bench/self-check.ts).

import { IMMUNIZATION_SCHEDULE } from '../src/domain/immunization'
import { lifeStage } from '../src/domain/lifecycle'
import type { Household, Member } from '../src/protocol/records'
import type { Visit } from '../src/protocol/visits'

export interface DatasetSpec {
  name: 'kader' | 'pustu'
  households: number
  members: number
  visits: number
  seed: number
  workAreaId: string
}

export interface Dataset {
  spec: DatasetSpec
  households: Household[]
  members: Member[]
  visits: Visit[]
}

/** The last day of the data: fixed so that ages, stages and schedules are the same on every run. */
export const DATA_TODAY = '2026-10-31'
/** Two years of visits up to DATA_TODAY. */
export const DATA_FROM = '2024-11-01'
/** The device that "recorded" the generated data (a valid HLC node). */
export const DATA_DEVICE = 'bench-generator'

/** Where the generated households are: a real desa of Cilacap (the work area the reference server is given). */
export const AREA = { kabupaten: 'Cilacap', kecamatan: 'Dayeuhluhur', desa: 'Bolang' } as const

export const KADER: DatasetSpec = {
  name: 'kader',
  households: 400,
  members: 1_500,
  visits: 8_100,
  seed: 20_240_601,
  workAreaId: 'bolang-rw2',
}
export const PUSTU: DatasetSpec = {
  name: 'pustu',
  households: 5_000,
  members: 20_000,
  visits: 100_000,
  seed: 20_240_602,
  workAreaId: 'bolang-pustu',
}

// ——— PRNG: sfc32 seeded through splitmix32 (fast, 128-bit state, good enough for test data) ———

export type Random = () => number

export function prng(seed: number): Random {
  let s = seed >>> 0
  const split = () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  return () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4_294_967_296
  }
}

const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1))
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T
const chance = (r: Random, p: number) => r() < p
const round1 = (n: number) => Math.round(n * 10) / 10
/** Roughly normal (Irwin–Hall of 4), mean 0, sd 1. */
const normal = (r: Random) => (r() + r() + r() + r() - 2) * Math.sqrt(3)

// ——— Dates (UTC calendar arithmetic on 'YYYY-MM-DD') ———

const DAY_MS = 86_400_000
const toMs = (date: string) => Date.parse(`${date}T00:00:00.000Z`)
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const addDays = (date: string, days: number) => toDate(toMs(date) + days * DAY_MS)
/** The later of two ISO dates (string order is date order). */
function later(a: string, b: string): string {
  if (a > b) return a
  return b
}
const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY_MS)
function monthsBetween(birth: string, date: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0)
}

/** The posyandu's open day: the second Tuesday of every month (the schedule's default calendar in the bench). */
export const POSYANDU_CALENDAR = { openDay: { week: 2, weekday: 2 } } as const
function secondTuesday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const day = 1 + ((2 - first + 7) % 7) + 7
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
function openDays(from: string, to: string): string[] {
  const days: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  for (;;) {
    const d = secondTuesday(y, m)
    if (d > to) break
    if (d >= from) days.push(d)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return days
}

// ——— Ids: UUID v7 (the app's format), its random bits from the PRNG ———

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')
export function uuid7(r: Random, ms: number): string {
  const t = hex(ms, 12)
  const rand = (bits: number) => Math.floor(r() * 2 ** bits)
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(rand(12), 3)}-${hex(0x8000 | rand(14), 4)}-${hex(rand(24), 6)}${hex(rand(24), 6)}`
}

// ——— Names and places ———

const MALE = ['Budi', 'Agus', 'Slamet', 'Joko', 'Bambang', 'Eko', 'Dedi', 'Hendra', 'Rudi', 'Wahyu', 'Sugeng']
const MALE2 = ['Santoso', 'Saputra', 'Prasetyo', 'Wibowo', 'Hidayat', 'Nugroho', 'Kurniawan', 'Setiawan']
const FEMALE = [
  'Siti',
  'Sri',
  'Dewi',
  'Nur',
  'Wati',
  'Rina',
  'Yuni',
  'Lestari',
  'Ani',
  'Tri',
  'Endang',
  'Ratna',
]
const FEMALE2 = ['Aminah', 'Rahayu', 'Wulandari', 'Handayani', 'Susanti', 'Fitriani', 'Maryati', 'Purwanti']
const DUSUN = [
  'Karanganyar',
  'Krajan',
  'Sukamulya',
  'Cibeureum',
  'Kaliwadas',
  'Sindangsari',
  'Pasir',
  'Cigintung',
]
const STREET = [
  'Jl. Raya Bolang',
  'Gg. Masjid',
  'depan balai desa',
  'Jl. Pertanian',
  'dekat SD',
  'Gg. Melati',
]
const name = (r: Random, sex: 'L' | 'P') =>
  sex === 'L' ? `${pick(r, MALE)} ${pick(r, MALE2)}` : `${pick(r, FEMALE)} ${pick(r, FEMALE2)}`

// Kecamatan Dayeuhluhur, Cilacap (Kemendagri 33.01.01): the region code of NIKs and KK numbers made here.
const REGION = '330101'

// ——— Households and members ———

interface Person {
  sex: 'L' | 'P'
  birthDate: string
  relation: Member['relation']
  hpht?: string
  deliveryDate?: string
}

/** Sizes averaging members / households, then nudged one by one to the exact total (each at least 1). */
function householdSizes(r: Random, households: number, members: number): number[] {
  const mean = members / households
  const sizes = Array.from({ length: households }, () => Math.max(1, Math.round(mean + normal(r) * 1.4)))
  let total = sizes.reduce((a, b) => a + b, 0)
  while (total !== members) {
    const i = Math.floor(r() * households)
    const s = sizes[i] as number
    if (total < members && s < 9) {
      sizes[i] = s + 1
      total += 1
    } else if (total > members && s > 1) {
      sizes[i] = s - 1
      total -= 1
    }
  }
  return sizes
}

const ageDate = (r: Random, minYears: number, maxYears: number) =>
  addDays(DATA_TODAY, -int(r, Math.round(minYears * 365.25), Math.round(maxYears * 365.25)))

/** A Kartu Keluarga: head, spouse, children born while the mother was 18–42, sometimes a grandparent. */
function family(r: Random, size: number): Person[] {
  const headSex: 'L' | 'P' = size === 1 || chance(r, 0.88) ? 'L' : 'P'
  const headBirth = ageDate(r, 22, 78)
  const people: Person[] = [{ sex: headSex, birthDate: headBirth, relation: 'kepala' }]
  if (size === 1) return people
  let motherBirth = headBirth
  if (headSex === 'L') {
    motherBirth = addDays(headBirth, int(r, -2 * 365, 8 * 365))
    if (motherBirth > addDays(DATA_TODAY, -19 * 365)) motherBirth = addDays(DATA_TODAY, -19 * 365)
    people.push({ sex: 'P', birthDate: motherBirth, relation: 'istri' })
  }
  const mother = people.find((p) => p.sex === 'P' && (p.relation === 'istri' || p.relation === 'kepala'))
  const motherAgeDays = daysBetween(motherBirth, DATA_TODAY)
  while (people.length < size) {
    if (chance(r, 0.1) && motherAgeDays > 45 * 365) {
      people.push({ sex: chance(r, 0.6) ? 'P' : 'L', birthDate: ageDate(r, 60, 88), relation: 'orang_tua' })
      continue
    }
    // A child born when the mother was 18–42 (and before today).
    const earliest = Math.max(18 * 365, motherAgeDays - 42 * 365)
    const latest = Math.min(42 * 365, motherAgeDays)
    if (latest < earliest) {
      people.push({ sex: chance(r, 0.5) ? 'P' : 'L', birthDate: ageDate(r, 19, 40), relation: 'famili_lain' })
      continue
    }
    const bornAtMotherDays = earliest + r() * (latest - earliest)
    const birthDate = addDays(DATA_TODAY, -Math.round(motherAgeDays - bornAtMotherDays))
    people.push({ sex: chance(r, 0.5) ? 'P' : 'L', birthDate, relation: 'anak' })
  }
  // The mother of a baby under one year has its delivery date (nifas, KN/KF); some women 20–40 are pregnant.
  if (mother) {
    const baby = people
      .filter((p) => p.relation === 'anak')
      .sort((a, b) => b.birthDate.localeCompare(a.birthDate))[0]
    const motherAge = daysBetween(mother.birthDate, DATA_TODAY) / 365.25
    if (baby && daysBetween(baby.birthDate, DATA_TODAY) < 365) mother.deliveryDate = baby.birthDate
    else if (motherAge >= 20 && motherAge <= 40 && chance(r, 0.25))
      mother.hpht = addDays(DATA_TODAY, -int(r, 14, 270))
  }
  return people
}

let nikSeq = 0
function nikOf(p: Person): string {
  const [y, m, d] = p.birthDate.split('-') as [string, string, string]
  const day = Number(d) + (p.sex === 'P' ? 40 : 0)
  nikSeq = (nikSeq % 9_999) + 1
  return `${REGION}${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(nikSeq).padStart(4, '0')}`.slice(
    0,
    16,
  )
}

function iso(date: string, r: Random): string {
  return new Date(toMs(date) + int(r, 1, 9) * 3_600_000 + int(r, 0, 3_599_999)).toISOString()
}

// ——— Visits ———

/** How likely a member of this stage comes to a monthly open day (posyandu ILP attendance, project estimate). */
const ATTENDANCE: Record<string, number> = {
  bayi_baru_lahir: 0.95,
  bayi: 0.9,
  balita: 0.8,
  prasekolah: 0.45,
  usia_sekolah_remaja: 0.08,
  dewasa: 0.1,
  lansia: 0.45,
  ibu_hamil: 0.9,
}

const pregnantOn = (m: Member, date: string) =>
  m.hpht !== undefined && m.hpht <= date && daysBetween(m.hpht, date) <= 280

/** WHO 2006 medians, roughly: weight and length by age in months. */
function childSize(r: Random, months: number, sex: 'L' | 'P') {
  const boy = sex === 'L' ? 1 : 0.96
  const weight =
    months <= 12
      ? 3.3 + months * (months <= 6 ? 0.75 : 0.45) - (months > 6 ? 0.9 : 0)
      : 9.6 + (months - 12) * 0.2
  const length = months <= 12 ? 50 + months * 2.1 : 75 + (months - 12) * 0.9
  return {
    weightKg: round1(Math.min(39, Math.max(1, weight * boy * (1 + normal(r) * 0.1)))),
    lengthCm: round1(Math.min(129, Math.max(36, length * (1 + normal(r) * 0.035)))),
  }
}

function bp(r: Random, age: number) {
  const systolicMmHg = Math.round(105 + age * 0.45 + normal(r) * 14)
  const diastolicMmHg = Math.min(systolicMmHg - 15, Math.round(68 + age * 0.2 + normal(r) * 9))
  return { systolicMmHg, diastolicMmHg }
}

function adult(r: Random, m: Member, age: number) {
  const heightCm = round1((m.sex === 'L' ? 163 : 151) + normal(r) * 6)
  const bmi = 23 + normal(r) * 3.5
  return {
    weightKg: round1((bmi * heightCm * heightCm) / 10_000),
    heightCm,
    waistCm: Math.round((m.sex === 'L' ? 84 : 80) + normal(r) * 9),
    ...bp(r, age),
    ...(chance(r, 0.3) ? { gdsMgDl: Math.round(110 + Math.abs(normal(r)) * 40) } : {}),
    tbcSymptoms: chance(r, 0.03) ? (['batuk_2_minggu'] as ['batuk_2_minggu']) : [],
    smoking: m.sex === 'L' ? pick(r, ['aktif', 'pasif', 'tidak'] as const) : ('tidak' as const),
    ...(m.sex === 'P' && age < 50
      ? { pus: true, kbMethod: pick(r, ['pil', 'suntik', 'implan', 'iud', 'tidak_ber_kb'] as const) }
      : {}),
  }
}

function partsFor(r: Random, m: Member, date: string): Visit['parts'] {
  const stage = lifeStage(m.birthDate, date)
  const months = monthsBetween(m.birthDate, date)
  const age = Math.floor(months / 12)
  if (pregnantOn(m, date)) {
    const hpht = m.hpht as string
    return {
      ibu_hamil: {
        lilaCm: round1(25 + normal(r) * 2.2),
        ...bp(r, age),
        ...(chance(r, 0.4) ? { hbGdl: round1(11.6 + normal(r) * 1.1) } : {}),
        ttdTabletsTotal: Math.min(600, Math.floor(daysBetween(hpht, date) / 3)),
        ttdAvailable: true,
        ttdTakenLast24h: chance(r, 0.8),
        ancContacts: [
          { date: addDays(hpht, Math.min(daysBetween(hpht, date), 70)), byDoctor: chance(r, 0.3) },
        ],
        dangerSigns: [],
      },
    }
  }
  if (stage === 'bayi_baru_lahir') {
    const days = daysBetween(m.birthDate, date)
    const contact = days <= 2 ? 'KN1' : days <= 7 ? 'KN2' : 'KN3'
    return {
      neonatus: { knVisits: [{ contact, date }], dangerSigns: [] },
      balita: { ...childSize(r, 0, m.sex), position: 'lying', oedema: false, asiEksklusif: true },
    }
  }
  if (months < 72) {
    const size = childSize(r, months, m.sex)
    const doses = IMMUNIZATION_SCHEDULE.filter((d) => d.ageMonths === months && d.antigen !== 'JE').map(
      (d) => ({ antigen: d.antigen, dose: d.dose }),
    )
    const month = date.slice(5, 7)
    return {
      balita: {
        ...size,
        position: months < 24 ? 'lying' : 'standing',
        ...(months < 24 ? { headCm: round1(35 + Math.min(months, 24) * 0.5 + normal(r)) } : {}),
        ...(months >= 6 && months < 60 ? { armCm: round1(14.5 + normal(r) * 1) } : {}),
        oedema: false,
        ...(doses.length > 0 ? { immunizations: doses } : {}),
        ...((month === '02' || month === '08') && months >= 6 ? { vitaminA: true } : {}),
        ...((month === '02' || month === '08') && months >= 12 ? { obatCacing: true } : {}),
        ...(months < 6 ? { asiEksklusif: chance(r, 0.7) } : {}),
        ...(chance(r, 0.1) ? { temperatureC: round1(36.8 + Math.abs(normal(r)) * 0.5) } : {}),
      },
    }
  }
  if (stage === 'usia_sekolah_remaja') {
    const heightCm = round1(Math.min(185, 110 + (age - 6) * 5.5 + normal(r) * 6))
    return {
      remaja: {
        weightKg: round1(Math.max(15, (heightCm - 100) * 0.9 + normal(r) * 4)),
        heightCm,
        ...bp(r, age),
        ...(m.sex === 'P' && age >= 12
          ? { hbGdl: round1(12.4 + normal(r)), ttdTakenThisWeek: chance(r, 0.5) }
          : {}),
        smoking: 'tidak',
      },
    }
  }
  if (stage === 'lansia') {
    return {
      lansia: {
        ...adult(r, m, age),
        ...(chance(r, 0.3)
          ? {
              skilas: {
                orientationTimeCorrect: true,
                orientationPlaceCorrect: true,
                wordsRecalled: int(r, 1, 3),
                chairStandSeconds: round1(11 + Math.abs(normal(r)) * 3),
                weightLoss: false,
                appetiteLoss: chance(r, 0.1),
                eyeProblem: chance(r, 0.3),
                whisperTest: 'dengar' as const,
                feelingDown: chance(r, 0.1),
                littleInterest: false,
              },
            }
          : {}),
        ...(chance(r, 0.15)
          ? { aks: { bab: 2, bak: 2, makan: 2, mandi: 1, berpindah: 3, mobilitas: 3 } }
          : {}),
      },
    }
  }
  return { dewasa: adult(r, m, age) }
}

/** The visit's stage weight: the same member comes more often as a balita than as a dewasa. */
function attendance(m: Member, birth: [number, number, number], date: string): number {
  if (pregnantOn(m, date)) return ATTENDANCE.ibu_hamil as number
  // lifeStage's thresholds (src/domain/lifecycle.ts), on numbers: this runs for every member and month.
  const y = Number(date.slice(0, 4))
  const mo = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  const months = (y - birth[0]) * 12 + (mo - birth[1]) - (d < birth[2] ? 1 : 0)
  if (months < 1) return daysBetween(m.birthDate, date) <= 28 ? (ATTENDANCE.bayi_baru_lahir as number) : 0.9
  if (months < 12) return ATTENDANCE.bayi as number
  if (months < 60) return ATTENDANCE.balita as number
  if (months < 72) return ATTENDANCE.prasekolah as number
  if (months < 19 * 12) return ATTENDANCE.usia_sekolah_remaja as number
  if (months < 60 * 12) return ATTENDANCE.dewasa as number
  return ATTENDANCE.lansia as number
}

/**
 * Exactly `count` visits: every (member, open day) pair where the member is alive is a candidate, drawn by
 * weighted sampling without replacement (Efraimidis–Spirakis: key = u^(1/w), keep the largest), so the busiest
 * stages get the most visits. One in ten is a home visit a few days after the open day.
 */
function visitsFor(r: Random, spec: DatasetSpec, members: Member[], homes: Map<string, Household>): Visit[] {
  const days = openDays(DATA_FROM, DATA_TODAY)
  const keys = new Float64Array(members.length * days.length)
  for (let i = 0; i < members.length; i++) {
    const m = members[i] as Member
    const birth = m.birthDate.split('-').map(Number) as [number, number, number]
    for (let j = 0; j < days.length; j++) {
      const day = days[j] as string
      const w = day < m.birthDate ? 0 : attendance(m, birth, day)
      keys[i * days.length + j] = w > 0 ? r() ** (1 / w) : -1
    }
  }
  // The count-th largest key is the threshold; candidates above it are the sample (in member, month order).
  const sorted = Float64Array.from(keys).sort()
  const threshold = sorted[sorted.length - spec.visits] as number
  const order: number[] = []
  for (let k = 0; k < keys.length && order.length < spec.visits; k++)
    if ((keys[k] as number) >= threshold && threshold >= 0) order.push(k)
  if (order.length < spec.visits) throw new Error(`${spec.name}: only ${order.length} visit candidates`)
  return order.map((k) => {
    const m = members[Math.floor(k / days.length)] as Member
    const openDay = days[k % days.length] as string
    const home = chance(r, 0.1)
    const date = home ? ([addDays(openDay, int(r, 1, 6)), DATA_TODAY].sort()[0] as string) : openDay
    const createdAt = iso(date, r)
    const h = homes.get(m.householdId) as Household
    return {
      id: uuid7(r, Date.parse(createdAt)),
      memberId: m.id,
      date,
      place: home ? 'rumah' : 'posyandu',
      parts: partsFor(r, m, date),
      ...(chance(r, 0.05) ? { note: 'Kontrol rutin, keluarga diberi penyuluhan gizi.' } : {}),
      householdId: m.householdId,
      workAreaId: h.workAreaId,
      kader: 'Siti Aminah',
      createdAt,
      updatedAt: createdAt,
      deviceId: DATA_DEVICE,
      version: 1,
      deleted: false,
    }
  })
}

export function generate(spec: DatasetSpec): Dataset {
  const r = prng(spec.seed)
  nikSeq = 0
  const sizes = householdSizes(r, spec.households, spec.members)
  const households: Household[] = []
  const members: Member[] = []
  const homes = new Map<string, Household>()
  const dusuns = DUSUN.slice(0, spec.households > 1_000 ? DUSUN.length : 3)
  for (const size of sizes) {
    const registered = addDays(DATA_FROM, -int(r, 30, 900))
    const createdAt = iso(registered, r)
    const people = family(r, size)
    const head = people[0] as Person
    const headName = name(r, head.sex)
    const h: Household = {
      id: uuid7(r, Date.parse(createdAt)),
      workAreaId: spec.workAreaId,
      ...(chance(r, 0.92)
        ? {
            noKk: `${REGION}${String(int(r, 1, 28)).padStart(2, '0')}0${int(r, 1, 9)}${int(r, 10, 24)}${String(int(r, 1, 9999)).padStart(4, '0')}`,
          }
        : {}),
      headName,
      address: {
        ...AREA,
        dusun: pick(r, dusuns),
        rw: String(int(r, 1, spec.households > 1_000 ? 12 : 4)).padStart(3, '0'),
        rt: String(int(r, 1, 15)).padStart(3, '0'),
        ...(chance(r, 0.6) ? { street: pick(r, STREET) } : {}),
      },
      ...(chance(r, 0.7)
        ? {
            location: {
              lat: Math.round((-7.21 + r() * 0.06) * 1e6) / 1e6,
              lng: Math.round((108.68 + r() * 0.06) * 1e6) / 1e6,
              accuracyM: int(r, 4, 40),
              capturedAt: createdAt,
            },
          }
        : {}),
      createdAt,
      updatedAt: createdAt,
      deviceId: DATA_DEVICE,
      version: 1,
      deleted: false,
    }
    households.push(h)
    homes.set(h.id, h)
    for (const [i, p] of people.entries()) {
      const age = daysBetween(p.birthDate, DATA_TODAY) / 365.25
      // Recorded once the kader could know it: the server refuses an HPHT or delivery after the day of the edit.
      const known = [p.hpht, p.deliveryDate].reduce<string>((a, d) => (d ? later(a, d) : a), registered)
      const memberCreated = iso(later(p.birthDate, known), r)
      members.push({
        id: uuid7(r, Date.parse(memberCreated)),
        householdId: h.id,
        ...(age >= 1 || chance(r, 0.4) ? { nik: nikOf(p) } : {}),
        name: i === 0 ? headName : name(r, p.sex),
        sex: p.sex,
        birthDate: p.birthDate,
        relation: p.relation,
        ...(age >= 17 && chance(r, 0.45)
          ? { phone: `08${int(r, 11, 99)}${int(r, 1_000_000, 99_999_999)}` }
          : {}),
        ...(p.hpht ? { hpht: p.hpht } : {}),
        ...(p.deliveryDate ? { deliveryDate: p.deliveryDate } : {}),
        createdAt: memberCreated,
        updatedAt: memberCreated,
        deviceId: DATA_DEVICE,
        version: 1,
        deleted: false,
      })
    }
  }
  const visits = visitsFor(r, spec, members, homes)
  return { spec, households, members, visits }
}

/** Counts by life stage on DATA_TODAY, for the report (shows the data are shaped like a real area). */
export function stageCounts(members: readonly Member[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const m of members) {
    const stage = pregnantOn(m, DATA_TODAY) ? 'ibu_hamil' : (lifeStage(m.birthDate, DATA_TODAY) ?? 'unborn')
    counts[stage] = (counts[stage] ?? 0) + 1
  }
  return counts
}
