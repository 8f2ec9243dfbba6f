// The posyandu's month in figures (PWS, pemantauan wilayah setempat) and the basis of the laporan bulanan: sasaran
// per life-cycle stage, SKDN for balita, screening coverage, people at risk, visits and referrals
// (../shared/docs/ilp-domain.md §3.2, §5). Every figure carries the ids of the people behind it, so a screen can
// open the list ("who are the 4 T?").
//
// Choices, each also stated in the report's notes where a reader of the printed report needs it:
//   - Reference date = the month's last day. Ages, life-cycle stages, pregnancy and nifas are read on it, so a baby
//     born on the 30th is already a sasaran of that month and a child who turns 60 months on the 15th is an anak
//     prasekolah — outside S and D even if weighed on the 5th. One date for every figure keeps D ⊆ S and the stage
//     tables adding up. Project choice [K]: the monthly report is sent after the month closes (Panduan Posyandu 2023
//     Bab V, ilp-domain.md §5) and describes the area as it stands then. Members have no move-in/out dates, so a
//     past month regenerated today counts the register as it is today.
//   - S = every member 0–59 completed months (SKDN "balita", §3.2, which includes bayi; the life-cycle table's
//     'balita' stage is 12–59 months). K: the records hold no "Buku KIA/KMS owned" field, so K = S (note k-equals-s).
//     D = members of S weighed in the month (any current visit whose balita part has a weight, at the posyandu or at
//     home — §3.2). N/T/O/B, 2T and BGM are those of the month's latest weighing, by growth/monitoring.ts through
//     growthFindings (balita-reading.ts): each month counts its latest weighing. D = N + T + O + B by construction.
//     N/D′ with D′ = D − O − B = N + T (§3.2).
//   - At risk: per person, the latest current visit IN THE MONTH that measured the item decides (an item not
//     measured this month is not counted — the report shows this month's work, and its denominator "checked" says how
//     many were measured). Read from the finding codes of the part they belong to, since codes repeat across parts
//     (remaja also says 'tbu.pendek'): stunting, wasting and underweight from the balita part of members in S;
//     KEK from the ibu hamil part; hipertensi (≥ 140/90) and terduga TBC from the dewasa and lansia parts (the adult
//     Kartu Bantu, §5; 18-year-olds on the remaja part are not counted); gula darah sewaktu ≥ 200 from the remaja,
//     dewasa and lansia parts; SKILAS from the lansia part.
//   - Screening coverage: members of a stage (or overlay) on the reference date with ≥ 1 current visit in the month
//     holding one of that stage's parts (screening/index.ts screeningPartsFor).
//   - Referrals: made = members with a 'rujuk' finding on a current visit in the month; open = referrals.ts
//     openReferrals on the records up to the month's last day; closed = members with a follow-up in the month saying
//     they went (referrals.ts CLOSING_OUTCOMES) and nothing open at the month's end (closed and open never overlap).
//   - A visit superseded by a correction (at any date) and soft-deleted records are ignored; so are visits dated
//     before the member's birth. Members count only when their household is in `households`.
//   - Balita part: immunisation, vitamin A, obat cacing and ASI findings are not read (balita-reading.ts).
import type { ClinicalSettings } from '../clinical-settings'
import { daysInMonth, isIsoDate } from '../dates'
import type { Finding } from '../findings'
import {
  LIFE_STAGES,
  type LifeStage,
  type MemberStages,
  memberStages,
  OVERLAYS,
  type Overlay,
} from '../lifecycle'
import { CLOSING_OUTCOMES, type FollowUpOutcome, openReferrals, type ReferralVisit } from '../referrals'
import { SCREENING_PARTS, type ScreeningPart, screeningPartsFor } from '../screening'
import { type FindingsVisit, type VisitPayloadParts, visitFindings } from '../visit-findings'
import { balitaReading, type MonthWeighing, monthlyWeighings } from './balita-reading'

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
  deleted?: boolean
}

export interface PwsVisit {
  /** UUID v7 in the app: same-day visits are ordered by id (creation order). */
  id: string
  memberId: string
  /** 'YYYY-MM-DD' */
  date: string
  place: 'posyandu' | 'rumah'
  supersedes?: string
  parts: VisitPayloadParts
  deleted?: boolean
}

export interface PwsFollowUp {
  visitId: string
  findingCode: string
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
  /** With Buku KIA/KMS; = S (no such field in the records — note 'k-equals-s'). */
  K: Count
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
  /** S − D: balita not weighed this month (kunjungan khusus, ilp-domain.md §3.1). */
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
  code: 'reference-date' | 'k-equals-s' | 'latest-in-month' | 'corrections'
  message: { id: string; en: string }
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
    /** A 'rujuk' finding on a visit this month. */
    made: Count
    /** A follow-up this month said the person went to the pustu/puskesmas, and nothing is open at month end. */
    closed: Count
    /** Still open on the month's last day (referrals.ts openReferrals). */
    open: Count
  }
  /** Sorted by dusun, RW, RT, head of household, name. */
  register: RegisterRow[]
  notes: PwsNote[]
}

// ——— Which finding codes make each risk (codes: growth/categories.ts and the screening modules) ———

interface RiskRule {
  parts: readonly ScreeningPart[]
  /** Codes saying the item was measured and read. */
  checked: (code: string) => boolean
  atRisk: (code: string) => boolean
  /** Only members in S (SKDN balita). */
  balitaOnly?: boolean
}

const oneOf =
  (...codes: string[]) =>
  (code: string) =>
    codes.includes(code)

const RISK_RULES: Record<Risk, RiskRule> = {
  // TB/U or PB/U < −2 (Permenkes 2/2020, ilp-domain.md §2.1)
  stunting: {
    parts: ['balita'],
    balitaOnly: true,
    checked: oneOf('tbu.sangat-pendek', 'tbu.pendek', 'tbu.normal', 'tbu.tinggi'),
    atRisk: oneOf('tbu.sangat-pendek', 'tbu.pendek'),
  },
  // BB/PB or BB/TB < −2 (§2.1)
  wasting: {
    parts: ['balita'],
    balitaOnly: true,
    checked: (code) => code.startsWith('bbtb.') && !/\.(tidak-wajar|posisi-salah)$/.test(code),
    atRisk: oneOf('bbtb.gizi-buruk', 'bbtb.gizi-kurang'),
  },
  // BB/U < −2 (§2.1)
  underweight: {
    parts: ['balita'],
    balitaOnly: true,
    checked: oneOf('bbu.sangat-kurang', 'bbu.kurang', 'bbu.normal', 'bbu.risiko-lebih'),
    atRisk: oneOf('bbu.sangat-kurang', 'bbu.kurang'),
  },
  // LiLA < 23.5 cm (§2.2)
  kek: {
    parts: ['ibu_hamil'],
    checked: oneOf('bumil.lila.kek', 'bumil.lila.normal'),
    atRisk: oneOf('bumil.lila.kek'),
  },
  // ≥ 140/90 (§2.4)
  hipertensi: {
    parts: ['dewasa', 'lansia'],
    checked: oneOf('td.hipertensi', 'td.prahipertensi', 'td.normal'),
    atRisk: oneOf('td.hipertensi'),
  },
  // GDS ≥ 200 mg/dL (§2.4)
  gulaDarahTinggi: {
    parts: ['remaja', 'dewasa', 'lansia'],
    checked: oneOf('gds.tinggi', 'gds.normal'),
    atRisk: oneOf('gds.tinggi'),
  },
  // ≥ 2 TBC symptoms (§2.4)
  terdugaTbc: {
    parts: ['dewasa', 'lansia'],
    checked: oneOf('tbc.terduga', 'tbc.bukan_terduga'),
    atRisk: oneOf('tbc.terduga'),
  },
  // any SKILAS domain positive (§2.5)
  skilasPositif: {
    parts: ['lansia'],
    checked: (code) => /^skilas\.[a-z_]+\.(positif|negatif)$/.test(code),
    atRisk: (code) => /^skilas\.[a-z_]+\.positif$/.test(code),
  },
}

/** SKDN growth codes (growth/findings.ts). */
const STATUS_CODES = { N: 'kms.n', T: 'kms.t', O: 'kms.o', B: 'kms.b' } as const
const CODE_2T = 'kms.2t'
const CODE_BGM = 'kms.bgm'

/** SKDN balita, 0–59 completed months (§3.2): lifecycle.ts's stages under 60 months. */
const SKDN_STAGES: readonly LifeStage[] = ['bayi_baru_lahir', 'bayi', 'balita']

// ——— The report ———

interface PartFindings {
  part: ScreeningPart
  findings: Finding[]
}

interface ReadVisit {
  parts: PartFindings[]
  /** Every part's findings together. */
  all: Finding[]
}

interface Person {
  member: PwsMember
  stages: MemberStages
  inS: boolean
  /** Current visits up to the reference date, by date then id. */
  visits: PwsVisit[]
  /** The same, in the month. */
  inMonth: PwsVisit[]
  weighings?: MonthWeighing[]
}

/** Builds the month's report. Throws RangeError when `month` is not 'YYYY-MM'. */
export function pwsMonth(input: PwsInput): PwsReport {
  const { first, last } = monthBounds(input.month)
  const { settings } = input

  const households = new Map<string, PwsHousehold>()
  for (const h of input.households) if (!h.deleted) households.set(h.id, h)

  // Index once: people by id, then each person's current visits.
  const people = new Map<string, Person>()
  for (const m of input.members) {
    if (m.deleted || !households.has(m.householdId) || !isIsoDate(m.birthDate)) continue
    const stages = memberStages(m, last)
    if (!stages) continue // born after the month
    const inS = SKDN_STAGES.includes(stages.stage)
    people.set(m.id, { member: m, stages, inS, visits: [], inMonth: [] })
  }
  // isIsoDate parses the date; an area has a few hundred distinct visit dates, so each is checked once.
  const validDates = new Map<string, boolean>()
  const validDate = (date: string) => {
    let ok = validDates.get(date)
    if (ok === undefined) {
      ok = isIsoDate(date)
      validDates.set(date, ok)
    }
    return ok
  }
  const superseded = new Set<string>()
  for (const v of input.visits) if (!v.deleted && v.supersedes) superseded.add(v.supersedes)
  // Follow-ups name a visit; only those visits' members are looked up.
  const followedUp = new Set(input.followUps.map((f) => f.visitId))
  const visitMember = new Map<string, string>()
  for (const v of input.visits) {
    const person = v.deleted ? undefined : people.get(v.memberId)
    if (!person) continue
    if (followedUp.has(v.id)) visitMember.set(v.id, v.memberId)
    if (superseded.has(v.id) || !validDate(v.date) || v.date > last || v.date < person.member.birthDate)
      continue
    person.visits.push(v)
  }
  for (const person of people.values()) {
    person.visits.sort(byDateThenId)
    person.inMonth = person.visits.filter((v) => v.date >= first)
  }

  // Each visit is read once, however many figures look at it.
  const cache = new Map<string, ReadVisit>()
  const read = (person: Person, visit: PwsVisit): ReadVisit => {
    let found = cache.get(visit.id)
    if (!found) {
      const parts = readVisit(person, visit, settings)
      found = { parts, all: parts.flatMap((p) => p.findings) }
      cache.set(visit.id, found)
    }
    return found
  }

  // ——— sasaran and coverage ———
  const total = new Tally()
  const stageTallies = tallies(LIFE_STAGES)
  const overlayTallies = tallies(OVERLAYS)
  const stageScreened = tallies(LIFE_STAGES)
  const overlayScreened = tallies(OVERLAYS)
  for (const [id, { member, stages, inMonth }] of people) {
    total.add(id)
    stageTallies[stages.stage].add(id)
    const stageParts = screeningPartsFor({ stage: stages.stage, overlays: [] }, member.sex)
    if (inMonth.some((v) => stageParts.some((p) => v.parts[p]))) stageScreened[stages.stage].add(id)
    for (const overlay of stages.overlays) {
      overlayTallies[overlay].add(id)
      const part = overlay === 'ibu_hamil' ? 'ibu_hamil' : 'nifas'
      if (inMonth.some((v) => v.parts[part])) overlayScreened[overlay].add(id)
    }
  }

  // ——— register bookkeeping ———
  const flagged = new Map<string, { flags: Set<Flag>; findings: Map<string, Finding> }>()
  const flag = (memberId: string, f: Flag, findings: readonly Finding[] = []) => {
    let entry = flagged.get(memberId)
    if (!entry) {
      entry = { flags: new Set(), findings: new Map() }
      flagged.set(memberId, entry)
    }
    entry.flags.add(f)
    for (const finding of findings)
      if (!entry.findings.has(finding.code)) entry.findings.set(finding.code, finding)
  }

  // ——— SKDN ———
  const skdn = {
    S: new Tally(),
    D: new Tally(),
    N: new Tally(),
    T: new Tally(),
    O: new Tally(),
    B: new Tally(),
  }
  const bgm = new Tally()
  const twoT = new Tally()
  const notWeighed = new Tally()
  for (const [id, person] of people) {
    if (!person.inS) continue
    skdn.S.add(id)
    const weighing = person.inMonth.findLast((v) => isWeighed(v))
    if (!weighing) {
      notWeighed.add(id)
      continue
    }
    const findings = read(person, weighing).parts.find((p) => p.part === 'balita')?.findings ?? []
    const status = (Object.keys(STATUS_CODES) as (keyof typeof STATUS_CODES)[]).find((s) =>
      findings.some((f) => f.code === STATUS_CODES[s]),
    )
    if (!status) continue // not reached: every weighing has a status (growth/monitoring.ts)
    skdn.D.add(id)
    skdn[status].add(id)
    const pick = (code: string) => findings.filter((f) => f.code === code)
    if (status === 'T') flag(id, 'T', pick(STATUS_CODES.T))
    if (pick(CODE_2T).length > 0) {
      twoT.add(id)
      flag(id, '2T', pick(CODE_2T))
    }
    if (pick(CODE_BGM).length > 0) {
      bgm.add(id)
      flag(id, 'BGM', pick(CODE_BGM))
    }
  }

  // ——— at risk ———
  const visited = [...people.values()].filter((p) => p.inMonth.length > 0)
  const risks = {} as Record<Risk, Ratio>
  for (const risk of RISKS) {
    const rule = RISK_RULES[risk]
    const checked = new Tally()
    const atRisk = new Tally()
    for (const person of visited) {
      const id = person.member.id
      if (rule.balitaOnly && !person.inS) continue
      for (let i = person.inMonth.length - 1; i >= 0; i -= 1) {
        const visit = person.inMonth[i] as PwsVisit
        if (!rule.parts.some((p) => visit.parts[p])) continue
        const { parts } = read(person, visit)
        // One part (the usual visit) is a part of the rule: the check above found it.
        const relevant =
          parts.length === 1
            ? (parts[0] as PartFindings).findings
            : parts.filter((p) => rule.parts.includes(p.part)).flatMap((p) => p.findings)
        if (!relevant.some((f) => rule.checked(f.code))) continue
        checked.add(id)
        const behind = relevant.filter((f) => rule.atRisk(f.code))
        if (behind.length > 0) {
          atRisk.add(id)
          flag(id, risk, behind)
        }
        break
      }
    }
    risks[risk] = ratio(atRisk.count(), checked.count())
  }

  // ——— visits ———
  const byPlace = { posyandu: new VisitTallyBuilder(), rumah: new VisitTallyBuilder() }
  const allPlaces = new VisitTallyBuilder()
  for (const person of people.values()) {
    for (const v of person.inMonth) {
      byPlace[v.place].add(v)
      allPlaces.add(v)
    }
  }

  // ——— referrals ———
  const made = new Tally()
  for (const [id, person] of people) {
    for (const v of person.inMonth) {
      const rujuk = read(person, v).all.filter((f) => f.level === 'rujuk')
      if (rujuk.length > 0) {
        made.add(id)
        flag(id, 'referralMade', rujuk)
      }
    }
  }
  const followUps = input.followUps.filter((f) => !f.deleted && f.date <= last && visitMember.has(f.visitId))
  // Only each person's latest visit can hold an open referral (openReferrals); only those with a 'rujuk' finding
  // and their follow-ups are handed over, so its per-visit scan of the follow-ups stays small.
  const latest: ReferralVisit[] = []
  for (const [id, person] of people) {
    const visit = person.visits.at(-1)
    if (!visit) continue
    const findings = read(person, visit).all
    if (findings.some((f) => f.level === 'rujuk'))
      latest.push({ id: visit.id, memberId: id, date: visit.date, findings })
  }
  const latestIds = new Set(latest.map((v) => v.id))
  const open = new Tally()
  for (const r of openReferrals(
    latest,
    followUps.filter((f) => latestIds.has(f.visitId)),
  )) {
    open.add(r.memberId)
    flag(r.memberId, 'referralOpen', r.findings)
  }
  // Closed: someone went this month and nothing is left open — a T followed up while the 2T waits is still open.
  const closed = new Tally()
  for (const f of followUps) {
    if (f.date < first || !CLOSING_OUTCOMES.includes(f.outcome)) continue
    const memberId = visitMember.get(f.visitId) as string
    if (open.ids.has(memberId)) continue
    closed.add(memberId)
    const person = people.get(memberId) as Person
    const visit = person.visits.find((v) => v.id === f.visitId)
    const behind = visit ? read(person, visit).all : []
    flag(
      memberId,
      'referralClosed',
      behind.filter((x) => x.code === f.findingCode),
    )
  }

  // ——— assemble ———
  const S = skdn.S.count()
  const D = skdn.D.count()
  const N = skdn.N.count()
  const Dprime = Tally.union(skdn.N, skdn.T).count()
  const bgmCount = bgm.count()
  return {
    month: input.month,
    referenceDate: last,
    households: { value: households.size, householdIds: [...households.keys()].sort() },
    sasaran: {
      total: total.count(),
      stages: counts(stageTallies),
      overlays: counts(overlayTallies),
    },
    skdn: {
      S,
      K: S,
      D,
      N,
      T: skdn.T.count(),
      O: skdn.O.count(),
      B: skdn.B.count(),
      Dprime,
      BGM: bgmCount,
      twoT: twoT.count(),
      notWeighed: notWeighed.count(),
      ratios: {
        KS: ratio(S, S),
        DS: ratio(D, S),
        ND: ratio(N, D),
        NDprime: ratio(N, Dprime),
        DK: ratio(D, S),
        NS: ratio(N, S),
        BGMD: ratio(bgmCount, D),
      },
    },
    coverage: {
      stages: mapKeys(LIFE_STAGES, (s) => ratio(stageScreened[s].count(), stageTallies[s].count())),
      overlays: mapKeys(OVERLAYS, (o) => ratio(overlayScreened[o].count(), overlayTallies[o].count())),
    },
    risks,
    visits: { posyandu: byPlace.posyandu.build(), rumah: byPlace.rumah.build(), total: allPlaces.build() },
    referrals: { made: made.count(), closed: closed.count(), open: open.count() },
    register: register(flagged, people, households),
    notes: notes(last),
  }
}

/** Each part of the visit with its findings, read on the visit date (visit-findings.ts, balita-reading.ts). */
function readVisit(person: Person, visit: PwsVisit, settings: ClinicalSettings): PartFindings[] {
  const { member } = person
  const result: PartFindings[] = []
  for (const part of SCREENING_PARTS) {
    const payload = visit.parts[part]
    if (!payload) continue
    if (part === 'balita') {
      const s = visit.parts.balita as NonNullable<VisitPayloadParts['balita']>
      const findings = balitaReading(visit, s, {
        member,
        settings,
        history: () => person.visits.filter((h) => byDateThenId(h, visit) < 0),
        weighings: () => {
          person.weighings ??= monthlyWeighings(person.visits, member.birthDate)
          return person.weighings
        },
      })
      result.push({ part, findings })
    } else {
      // Only the balita part reads earlier visits; the others need none.
      const single: FindingsVisit = { date: visit.date, parts: { [part]: payload } }
      result.push({ part, findings: visitFindings(single, member, [], settings) })
    }
  }
  return result
}

function register(
  flagged: Map<string, { flags: Set<Flag>; findings: Map<string, Finding> }>,
  people: Map<string, Person>,
  households: Map<string, PwsHousehold>,
): RegisterRow[] {
  const rows: RegisterRow[] = []
  for (const [memberId, entry] of flagged) {
    const person = people.get(memberId) as Person
    const { member, stages } = person
    const household = households.get(member.householdId) as PwsHousehold
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

const COLLATOR = new Intl.Collator('id')

function notes(referenceDate: string): PwsNote[] {
  const shown = referenceDate.split('-').reverse().join('-')
  return [
    {
      code: 'reference-date',
      message: {
        id: `Sasaran, umur dan tahap hidup dihitung pada hari terakhir bulan (${shown}).`,
        en: `Target population, ages and life-cycle stages are read on the month's last day (${referenceDate}).`,
      },
    },
    {
      code: 'k-equals-s',
      message: {
        id: 'Kepemilikan Buku KIA/KMS belum dicatat di aplikasi: K dianggap sama dengan S (K/S = 100%, D/K = D/S).',
        en: 'Buku KIA/KMS ownership is not recorded in the app: K is taken as equal to S (K/S = 100%, D/K = D/S).',
      },
    },
    {
      code: 'latest-in-month',
      message: {
        id: 'Risiko dihitung dari pengukuran terakhir bulan ini per orang; yang tidak diukur bulan ini tidak dihitung.',
        en: "Risks come from each person's latest measurement this month; people not measured this month are not counted.",
      },
    },
    {
      code: 'corrections',
      message: {
        id: 'Kunjungan yang sudah dikoreksi dihitung dengan data koreksinya saja.',
        en: 'A corrected visit counts with its correction only.',
      },
    },
  ]
}

// ——— helpers ———

const MONTH_RE = /^(\d{4})-(\d{2})$/

function monthBounds(month: string): { first: string; last: string } {
  const match = MONTH_RE.exec(month)
  const m = Number(match?.[2])
  if (!match || m < 1 || m > 12) throw new RangeError(`Not a month: '${month}' (expected YYYY-MM)`)
  return {
    first: `${month}-01`,
    last: `${month}-${String(daysInMonth(Number(match[1]), m)).padStart(2, '0')}`,
  }
}

function isWeighed(v: PwsVisit): boolean {
  const w = v.parts.balita?.weightKg
  return typeof w === 'number' && w > 0
}

function byDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

class Tally {
  readonly ids = new Set<string>()
  add(id: string): void {
    this.ids.add(id)
  }
  count(): Count {
    const memberIds = [...this.ids].sort()
    return { value: memberIds.length, memberIds }
  }
  static union(...tallies: Tally[]): Tally {
    const result = new Tally()
    for (const t of tallies) for (const id of t.ids) result.add(id)
    return result
  }
}

class VisitTallyBuilder {
  private readonly visitIds: string[] = []
  private readonly members = new Tally()
  add(v: PwsVisit): void {
    this.visitIds.push(v.id)
    this.members.add(v.memberId)
  }
  build(): VisitTally {
    return {
      value: this.visitIds.length,
      visitIds: [...this.visitIds].sort(),
      memberIds: this.members.count().memberIds,
    }
  }
}

function ratio(numerator: Count, denominator: Count): Ratio {
  return {
    value: denominator.value === 0 ? null : numerator.value / denominator.value,
    numerator,
    denominator,
  }
}

function tallies<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return mapKeys(keys, () => new Tally())
}

function counts<K extends string>(t: Record<K, Tally>): Record<K, Count> {
  return mapKeys(Object.keys(t) as K[], (k) => t[k].count())
}

function mapKeys<K extends string, V>(keys: readonly K[], f: (k: K) => V): Record<K, V> {
  const result = {} as Record<K, V>
  for (const k of keys) result[k] = f(k)
  return result
}
