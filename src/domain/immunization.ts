// The national routine immunisation schedule for bayi & baduta, and what is due for a child on a given day; also
// vitamin A rounds, obat cacing and ASI eksklusif. The schedule is encoded here from
// the programme's table in clinical-rules.md §2.1.
import { ageOn } from './age'
import type { ClinicalSettings } from './clinical-settings'
import { addDays, type CalendarDate, daysBetween, daysInMonth, normalizeDate, parseDate } from './dates'
import type { Finding } from './findings'

export const ANTIGENS = ['HB0', 'BCG', 'OPV', 'DPT-HB-Hib', 'PCV', 'RV', 'IPV', 'MR', 'JE'] as const
export type Antigen = (typeof ANTIGENS)[number]

/** An age as completed months plus days into the next month (ageOn's calendar counting). */
export interface AgeSpec {
  months: number
  days: number
}

export interface ScheduledDose {
  antigen: Antigen
  dose: number
  /** The programme's age in months (imunisasi_rutin.csv), 0 for HB0. */
  ageMonths: number
  /** First day it is due. */
  dueFrom: AgeSpec
  /** From this age it is late (terlambat) but still given. */
  overdueFrom: AgeSpec
  /** Last age at which it may be given; past it the dose is too late. */
  latest?: AgeSpec
  /** Minimum days after the previous dose of the same antigen, where clinical-rules.md §2.1 states one. */
  minDaysAfterPrevious?: number
  /** Given only in JE-endemic districts. */
  endemicOnly?: boolean
  source: string
}

const P2P = 'Kemenkes P2P, slide pengenalan PCV (clinical-rules.md §2.1)'
const RV_LETTER =
  'Surat Dirjen P2P IM.02.02/C/3052/2023; KMK HK.01.07/Menkes/1139/2022 (clinical-rules.md §2.1)'

const m = (months: number, days = 0): AgeSpec => ({ months, days })

/**
 * A dose scheduled "at N months" is due from N months and late once N + 1 months are completed — project rule [K]:
 * the programme names only the month of age, and a child is "umur N bulan" until the next month is complete.
 */
function monthly(antigen: Antigen, dose: number, ageMonths: number, source: string): ScheduledDose {
  return { antigen, dose, ageMonths, dueFrom: m(ageMonths), overdueFrom: m(ageMonths + 1), source }
}

// RV: 3 oral doses at 2, 3, 4 months, ≥ 4 weeks apart, last dose no later than 6 months 29 days — KMK 1139/2022
// via Dirjen P2P letter 3052/2023 (clinical-rules.md §2.1) [V]. The 6 mo 29 d limit applies to every RV dose.
const RV_MIN_DAYS_APART = 28
const RV_LATEST = m(6, 29)

export const IMMUNIZATION_SCHEDULE: readonly ScheduledDose[] = [
  // HB0 within 24 h of birth (imunisasi_rutin.csv, P2P slides) [V]; late after the birth day; given up to 7 days
  // of age (Kemenkes HB0 0–7 hari) [K].
  {
    antigen: 'HB0',
    dose: 1,
    ageMonths: 0,
    dueFrom: m(0),
    overdueFrom: m(0, 1),
    latest: m(0, 7),
    source: P2P,
  },
  // BCG and OPV1 at 1 month; "some forms allow 0–1 month" (imunisasi_rutin.csv) [V] — so due from birth.
  { ...monthly('BCG', 1, 1, P2P), dueFrom: m(0) },
  { ...monthly('OPV', 1, 1, P2P), dueFrom: m(0) },
  monthly('DPT-HB-Hib', 1, 2, P2P), // 2 mo [V]
  monthly('OPV', 2, 2, P2P), // 2 mo [V]
  monthly('PCV', 1, 2, P2P), // 2 mo [V]
  { ...monthly('RV', 1, 2, RV_LETTER), latest: RV_LATEST }, // 2 mo [V]
  monthly('DPT-HB-Hib', 2, 3, P2P), // 3 mo [V]
  monthly('OPV', 3, 3, P2P), // 3 mo [V]
  monthly('PCV', 2, 3, P2P), // 3 mo [V]
  { ...monthly('RV', 2, 3, RV_LETTER), latest: RV_LATEST, minDaysAfterPrevious: RV_MIN_DAYS_APART }, // 3 mo [V]
  monthly('DPT-HB-Hib', 3, 4, P2P), // 4 mo [V]
  monthly('OPV', 4, 4, P2P), // 4 mo [V]
  monthly('IPV', 1, 4, P2P), // 4 mo [V]
  { ...monthly('RV', 3, 4, RV_LETTER), latest: RV_LATEST, minDaysAfterPrevious: RV_MIN_DAYS_APART }, // 4 mo [V]
  monthly('MR', 1, 9, P2P), // 9 mo, campak-rubela [V]
  // IPV2 at 9 mo: 2024 Kemenkes schedule and ILP form field imun9IPV2 [S]; check the province's introduction date.
  monthly('IPV', 2, 9, 'Kemenkes 2024; form ILP imun9IPV2 (clinical-rules.md §2.1)'),
  { ...monthly('JE', 1, 10, P2P), endemicOnly: true }, // 10 mo, endemic districts only [V]
  monthly('PCV', 3, 12, P2P), // 12 mo [V]
  monthly('DPT-HB-Hib', 4, 18, P2P), // 18 mo lanjutan [V]
  monthly('MR', 2, 18, P2P), // 18 mo lanjutan [V]
]

export interface DoseGiven {
  antigen: Antigen
  dose: number
  /** 'YYYY-MM-DD' */
  date: string
}

export type DoseState = 'done' | 'due' | 'overdue' | 'not_yet_due' | 'too_late'
export type DoseWarning = 'after_latest_age' | 'interval_too_short'

export interface DoseStatus {
  antigen: Antigen
  dose: number
  state: DoseState
  /** 'YYYY-MM-DD' from which the schedule wants it. */
  dueDate: string
  /** 'YYYY-MM-DD' from which it is late. */
  overdueDate: string
  /** Last day it may be given, when the schedule sets one. */
  lastDate?: string
  /** Not done and still possible: the first day it can be given (today or later, waiting for an interval). */
  earliestDate?: string
  givenDate?: string
  /** For a done dose given outside the rules. */
  warnings?: DoseWarning[]
}

/**
 * Each scheduled dose's state on `today`. A dose not yet given is placed as early as it could now be given (not
 * before today, its due date, or the minimum interval after the previous dose — itself placed the same way when not
 * given), so an RV series that can no longer finish by 6 months 29 days shows too_late.
 */
export function immunizationStatus(
  birthDate: string,
  given: readonly DoseGiven[],
  today: string,
  options: { jeEndemic?: boolean } = {},
): DoseStatus[] {
  const scheduleDates = doseDates(birthDate)
  const givenOn = earliestGiven(given)
  const previous = new Map<Antigen, { date: string; given: boolean }>()
  const statuses: (DoseStatus | undefined)[] = IMMUNIZATION_SCHEDULE.map(() => undefined)
  for (const i of SERIES_ORDER) {
    const dose = IMMUNIZATION_SCHEDULE[i] as ScheduledDose
    if (dose.endemicOnly && !options.jeEndemic) continue
    const dates = scheduleDates[i] as DoseDates
    const { dueDate, lastDate } = dates
    const before = previous.get(dose.antigen)
    const gap = dose.minDaysAfterPrevious ?? 0
    const givenDate = givenOn.get(SCHEDULE_KEYS[i] as string)
    if (givenDate !== undefined) {
      const warnings: DoseWarning[] = []
      if (lastDate && givenDate > lastDate) warnings.push('after_latest_age')
      if (before?.given && gap > 0 && daysBetween(before.date, givenDate) < gap)
        warnings.push('interval_too_short')
      const done = doseStatus(dose, dates, 'done')
      done.givenDate = givenDate
      if (warnings.length) done.warnings = warnings
      statuses[i] = done
      previous.set(dose.antigen, { date: givenDate, given: true })
      continue
    }
    const afterPrevious = before ? addDays(before.date, gap) : dueDate
    const earliest = later(later(dueDate, today), afterPrevious)
    previous.set(dose.antigen, { date: earliest, given: false })
    if (lastDate && earliest > lastDate) {
      statuses[i] = doseStatus(dose, dates, 'too_late')
    } else {
      const state: DoseState =
        earliest > today ? 'not_yet_due' : today >= dates.overdueDate ? 'overdue' : 'due'
      const open = doseStatus(dose, dates, state)
      open.earliestDate = earliest
      statuses[i] = open
    }
  }
  return statuses.filter((s) => s !== undefined)
}

/**
 * A dose's status without the state's own fields, in DoseStatus's field order. Written out rather than spread from
 * a shared base: object spread made this the schedule's slowest step (every dose of every child).
 */
function doseStatus(dose: ScheduledDose, dates: DoseDates, state: DoseState): DoseStatus {
  const { dueDate, overdueDate, lastDate } = dates
  return lastDate
    ? { antigen: dose.antigen, dose: dose.dose, dueDate, overdueDate, lastDate, state }
    : { antigen: dose.antigen, dose: dose.dose, dueDate, overdueDate, state }
}

// ISO dates order as strings.
const later = (a: string, b: string): string => (a > b ? a : b)
const earlier = (a: string, b: string): string => (a < b ? a : b)

/** Schedule indices in series order: every antigen's first doses before its second (a stable sort by dose). */
const SERIES_ORDER: readonly number[] = IMMUNIZATION_SCHEDULE.map((_, i) => i).sort(
  (a, b) =>
    (IMMUNIZATION_SCHEDULE[a] as ScheduledDose).dose - (IMMUNIZATION_SCHEDULE[b] as ScheduledDose).dose,
)

const doseKey = (d: { antigen: Antigen; dose: number }): string => `${d.antigen} ${d.dose}`
/** doseKey of each scheduled dose, made once rather than for every dose of every child. */
const SCHEDULE_KEYS: readonly string[] = IMMUNIZATION_SCHEDULE.map(doseKey)

/** The first date each dose was given (a dose recorded twice counts from its first record). */
function earliestGiven(given: readonly DoseGiven[]): Map<string, string> {
  const first = new Map<string, string>()
  for (const g of given) {
    const key = doseKey(g)
    const known = first.get(key)
    if (known === undefined || g.date < known) first.set(key, g.date)
  }
  return first
}

interface DoseDates {
  dueDate: string
  overdueDate: string
  lastDate?: string
}

/**
 * Each scheduled dose's dates for a child (IMMUNIZATION_SCHEDULE order). They depend on the birth date alone and
 * the schedule and the visit findings ask for them about every child, visit after visit: worked out once per
 * birth date and remembered (bounded, so a long session does not grow without end).
 */
function doseDates(birthDate: string): readonly DoseDates[] {
  const known = doseDatesByBirth.get(birthDate)
  if (known) return known
  const birth = parseDate(birthDate)
  // The 42 dose dates name a dozen distinct ages (doses given together, one dose late when the next is due).
  const byAge = new Map<string, string>()
  const at = (spec: AgeSpec): string => {
    const key = `${spec.months}|${spec.days}`
    let date = byAge.get(key)
    if (date === undefined) {
      date = firstDateOf(birth, spec)
      byAge.set(key, date)
    }
    return date
  }
  const dates = IMMUNIZATION_SCHEDULE.map((d): DoseDates => {
    const dueDate = at(d.dueFrom)
    const overdueDate = at(d.overdueFrom)
    return d.latest
      ? { dueDate, overdueDate, lastDate: lastDateAtAge(birthDate, d.latest) }
      : { dueDate, overdueDate }
  })
  if (doseDatesByBirth.size >= DOSE_DATES_KEPT) doseDatesByBirth.clear()
  doseDatesByBirth.set(birthDate, dates)
  return dates
}

const DOSE_DATES_KEPT = 50_000
const doseDatesByBirth = new Map<string, readonly DoseDates[]>()

const SRC_IMM = 'Program imunisasi rutin (clinical-rules.md §2.1)'

// A child registered at two years with no dose recorded would otherwise get a dozen "terlambat" lines: the first
// thing to do is to copy the doses from the Buku KIA, so that is what the kader is told, once.
const UNRECORDED_SUMMARY_FROM = 3

/** overdue → perhatian (a kunjungan khusus trigger, clinical-rules.md §3.1); too_late → perhatian; due → normal. */
export function immunizationFindings(statuses: readonly DoseStatus[]): Finding[] {
  const unrecorded = unrecordedFinding(statuses)
  if (unrecorded) return [unrecorded]
  return statuses.flatMap((s): Finding[] => {
    const name = `${s.antigen} ${s.dose}`
    const code = `imunisasi.${s.antigen.toLowerCase()}_${s.dose}`
    switch (s.state) {
      case 'due':
        return [
          {
            code: `${code}.jatuh_tempo`,
            level: 'normal',
            message: { id: `Imunisasi ${name} jatuh tempo`, en: `${name} vaccination due` },
            source: SRC_IMM,
          },
        ]
      case 'overdue':
        return [
          {
            code: `${code}.terlambat`,
            level: 'perhatian',
            message: {
              id: `Imunisasi ${name} terlambat — ajak ke posyandu/pustu`,
              en: `${name} vaccination overdue`,
            },
            source: SRC_IMM,
          },
        ]
      case 'too_late':
        return [
          {
            code: `${code}.lewat_batas`,
            level: 'perhatian',
            message: {
              id: `Imunisasi ${name} sudah lewat batas umur — konsultasikan ke nakes`,
              en: `${name} vaccination past its age limit — ask a health worker`,
            },
            source: SRC_IMM,
          },
        ]
      default:
        return []
    }
  })
}

/** immunizationFindings' one finding for a child with nothing recorded yet, or undefined. */
export function unrecordedFinding(statuses: readonly DoseStatus[]): Finding | undefined {
  let missed = 0
  for (const s of statuses) {
    if (s.state === 'done') return undefined
    if (s.state === 'overdue' || s.state === 'too_late') missed += 1
  }
  if (missed < UNRECORDED_SUMMARY_FROM) return undefined
  return {
    code: 'imunisasi.belum_tercatat',
    level: 'perhatian',
    message: {
      id: `Belum ada imunisasi tercatat (${missed} dosis seharusnya sudah diberikan) — salin dari Buku KIA, ajak ke posyandu/pustu bila belum`,
      en: `No vaccination recorded yet (${missed} doses should have been given) — copy them from the Buku KIA; refer to the posyandu/pustu if not given`,
    },
    source: SRC_IMM,
  }
}

// ——— Vitamin A ———

export type VitaminACapsule = 'biru' | 'merah'

export interface VitaminAStatus {
  /** due/done: today is in a round month (February or August); not_yet_due: wait for `round`. */
  state: 'due' | 'done' | 'not_yet_due' | 'not_eligible'
  /** 'YYYY-MM': this month when it is February or August, otherwise the next of them. */
  round: string
  /** blue 100,000 IU for 6–11 mo, red 200,000 IU for 12–59 mo; by age today, or at the start of the next round. */
  capsule?: VitaminACapsule
}

const VITAMIN_A_MONTHS = [2, 8] // February and August: Permenkes 21/2015 (clinical-rules.md §2.1) [S]

/** Whether 'YYYY-MM' is a round month: only then can vitaminADue say 'due' on a day of it. */
export function isVitaminAMonth(yearMonth: string): boolean {
  return VITAMIN_A_MONTHS.includes(Number(yearMonth.slice(5, 7)))
}

/**
 * Vitamin A for a child — Permenkes 21/2015 (clinical-rules.md §2.1) [S]: 6–11 mo one blue capsule (100,000 IU) in
 * February or August; 12–59 mo a red capsule (200,000 IU) every February and August. The extra dose for sick
 * children (campak, diare, gizi buruk) is the nakes' call and not covered.
 */
export function vitaminADue(birthDate: string, givenDates: readonly string[], today: string): VitaminAStatus {
  const { year, month } = parseDate(today)
  const inRound = VITAMIN_A_MONTHS.includes(month)
  const nextRoundMonth = VITAMIN_A_MONTHS.find((rm) => rm > month)
  const round = inRound
    ? today.slice(0, 7)
    : nextRoundMonth === undefined
      ? `${year + 1}-02`
      : `${year}-${String(nextRoundMonth).padStart(2, '0')}`
  const ageDay = inRound ? today : `${round}-01`
  if (ageDay < birthDate) return { state: 'not_eligible', round }
  const months = ageOn(birthDate, ageDay).totalMonths
  // 6–11 mo blue, 12–59 mo red (clinical-rules.md §2.1) [S]
  const capsule: VitaminACapsule | undefined =
    months < 6 || months > 59 ? undefined : months < 12 ? 'biru' : 'merah'
  if (!capsule) return { state: 'not_eligible', round }
  if (!inRound) return { state: 'not_yet_due', round, capsule }
  const past = givenDates.filter((d) => d <= today)
  // Blue: one capsule in infancy, so any capsule since 6 months counts. Red: one per round.
  const done =
    capsule === 'biru'
      ? past.some((d) => d >= firstDateAtAge(birthDate, m(6)))
      : past.some((d) => d.slice(0, 7) === round)
  return { state: done ? 'done' : 'due', round, capsule }
}

// ——— Obat cacing ———

export interface DewormingStatus {
  state: 'due' | 'done' | 'not_eligible'
  /** 'YYYY-S1' (Jan–Jun) / 'YYYY-S2' (Jul–Dec) with 2 rounds a year, 'YYYY' with 1. */
  period: string
}

// Obat cacing for children 1–12 y, per settings.dewormingPerYear rounds a year — Permenkes 15/2017 Penanggulangan
// Cacingan [K] (clinical-rules.md §2.1; the ILP sources list obat cacing as a balita item without a schedule).
const DEWORMING_AGE = { fromMonths: 12, toYears: 12 }

export function obatCacingDue(
  birthDate: string,
  givenDates: readonly string[],
  today: string,
  settings: Pick<ClinicalSettings, 'dewormingPerYear'>,
): DewormingStatus {
  const periodOf = (date: string) =>
    settings.dewormingPerYear === 2
      ? `${date.slice(0, 4)}-S${date.slice(5, 7) <= '06' ? 1 : 2}`
      : date.slice(0, 4)
  const period = periodOf(today)
  if (today < birthDate) return { state: 'not_eligible', period }
  const age = ageOn(birthDate, today)
  if (age.totalMonths < DEWORMING_AGE.fromMonths || age.years > DEWORMING_AGE.toYears) {
    return { state: 'not_eligible', period }
  }
  const done = givenDates.some((d) => d <= today && periodOf(d) === period)
  return { state: done ? 'done' : 'due', period }
}

// ——— ASI eksklusif ———

// ASI eksklusif 0–6 months (clinical-rules.md §2.1 balita items) [S]: asked until 6 months are completed.
const ASI_EKSKLUSIF_MONTHS = 6

export function asiEksklusif(
  birthDate: string,
  today: string,
  exclusivelyBreastfed: boolean | undefined,
): Finding[] {
  if (exclusivelyBreastfed === undefined || today < birthDate) return []
  if (ageOn(birthDate, today).totalMonths >= ASI_EKSKLUSIF_MONTHS) return []
  const source = 'Buku KIA; form ILP (clinical-rules.md §2.1)'
  return exclusivelyBreastfed
    ? [
        {
          code: 'asi_eksklusif.ya',
          level: 'normal',
          message: { id: 'ASI eksklusif', en: 'Exclusively breastfed' },
          source,
        },
      ]
    : [
        {
          code: 'asi_eksklusif.tidak',
          level: 'perhatian',
          message: {
            id: 'Bayi < 6 bulan tidak ASI eksklusif — KIE menyusui',
            en: 'Baby under 6 months not exclusively breastfed — breastfeeding counselling',
          },
          source,
        },
      ]
}

// ——— Age ↔ date ———

function compareAge(birthDate: string, date: string, spec: AgeSpec): number {
  const age = ageOn(birthDate, date)
  return age.totalMonths - spec.months || age.days - spec.days
}

/**
 * The first day on which the child is at least `spec` old: `spec.days` after the day month `spec.months` is
 * completed, unless the next month is completed first (age.ts: a month is completed on the same day of the month,
 * or on the 1st of the next month when the month has no such day). Computed, not searched day by day: the schedule
 * asks this for every dose of every child.
 */
export function firstDateAtAge(birthDate: string, spec: AgeSpec): string {
  const key = `${birthDate}|${spec.months}|${spec.days}`
  const known = firstDates.get(key)
  if (known) return known
  const first = firstDateOf(parseDate(birthDate), spec)
  // A pure function of its arguments, asked for every dose of every child on every schedule run: remember the
  // answers (bounded, so a long session does not grow without end).
  if (firstDates.size >= FIRST_DATES_KEPT) firstDates.clear()
  firstDates.set(key, first)
  return first
}

const FIRST_DATES_KEPT = 200_000
const firstDates = new Map<string, string>()

/** firstDateAtAge from the parsed birth date, unremembered: doseDates parses a birth date once for all its doses. */
function firstDateOf(birth: CalendarDate, spec: AgeSpec): string {
  const completed = monthCompleted(birth, spec.months)
  const plusDays = spec.days === 0 ? completed : addDays(completed, spec.days)
  const nextMonth = monthCompleted(birth, spec.months + 1)
  return earlier(plusDays, nextMonth)
}

function monthCompleted(birth: CalendarDate, months: number): string {
  const monthIndex = birth.month - 1 + months // from January of the birth year
  const year = birth.year + Math.floor(monthIndex / 12)
  const month = monthIndex - Math.floor(monthIndex / 12) * 12 + 1
  return birth.day > daysInMonth(year, month)
    ? normalizeDate(year, month + 1, 1)
    : normalizeDate(year, month, birth.day)
}

/** The last day on which the child is at most `spec` old. */
export function lastDateAtAge(birthDate: string, spec: AgeSpec): string {
  const first = firstDateAtAge(birthDate, spec)
  return compareAge(birthDate, first, spec) === 0 ? first : addDays(first, -1)
}
