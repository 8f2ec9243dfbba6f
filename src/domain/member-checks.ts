// The cross-field checks of a household member, run by both the member form and the write module.
// Dates that are not valid 'YYYY-MM-DD' are skipped here: the record schema reports them (err.date).
import { ageOn } from './age'
import { daysBetween, isIsoDate } from './dates'
import { endedByDelivery, MAX_GESTATION_DAYS } from './lifecycle'
import { checkNik, type NikIssueCode } from './nik'

export type MemberProblemCode =
  | 'birthDate.future'
  | 'birthDate.tooOld'
  | `nik.${NikIssueCode}`
  | 'hpht.male'
  | 'hpht.future'
  | 'hpht.tooOld'
  | 'hpht.beforeBirth'
  | 'hpht.age'
  | 'deliveryDate.male'
  | 'deliveryDate.future'
  | 'deliveryDate.beforeBirth'

export interface MemberProblem {
  field: 'nik' | 'birthDate' | 'hpht' | 'deliveryDate' | 'sex'
  /** What is wrong; the app words it as the error key `err.<code>` (src/protocol/error-messages.ts). */
  code: MemberProblemCode
  params?: Record<string, string>
  severity: 'error' | 'mismatch' | 'warning'
}

interface MemberInput {
  birthDate?: string
  sex?: 'L' | 'P'
  nik?: string
  nikMismatchConfirmed?: boolean
  hpht?: string
  deliveryDate?: string
}

const MAX_AGE_YEARS = 120 // project rule: older than this is a typing error
// Project rule: pregnancy outside 10–55 years is shown for a second look, never refused.
const PREGNANCY_AGE_YEARS = { min: 10, max: 55 }

export function checkMember(
  m: MemberInput,
  today: string,
  isKnownKecamatan?: (code: string) => boolean,
): MemberProblem[] {
  const birthDate = validDate(m.birthDate)
  return [
    ...birthDateProblems(birthDate, today),
    ...nikProblems(m, birthDate, isKnownKecamatan),
    ...hphtProblems(m, birthDate, today),
    ...deliveryDateProblems(m, birthDate, today),
  ]
}

function birthDateProblems(birthDate: string | undefined, today: string): MemberProblem[] {
  if (!birthDate) return []
  if (birthDate > today) return [{ field: 'birthDate', code: 'birthDate.future', severity: 'error' }]
  const { years } = ageOn(birthDate, today)
  if (years > MAX_AGE_YEARS) {
    return [
      {
        field: 'birthDate',
        code: 'birthDate.tooOld',
        params: { years: String(years) },
        severity: 'error',
      },
    ]
  }
  return []
}

function nikProblems(
  m: MemberInput,
  birthDate: string | undefined,
  isKnownKecamatan?: (code: string) => boolean,
): MemberProblem[] {
  if (!m.nik) return []
  return checkNik(m.nik, { birthDate, sex: m.sex }, isKnownKecamatan).map((issue) => ({
    field: 'nik',
    code: `nik.${issue.code}`,
    params: issue.params,
    // The kader has checked the card: the NIK stays as printed (Dukcapil never changes it, clinical-rules.md §4.1).
    severity: issue.severity === 'mismatch' && m.nikMismatchConfirmed ? 'warning' : issue.severity,
  }))
}

function hphtProblems(m: MemberInput, birthDate: string | undefined, today: string): MemberProblem[] {
  const hpht = validDate(m.hpht)
  if (!hpht) return []
  if (m.sex === 'L') return [{ field: 'hpht', code: 'hpht.male', severity: 'error' }]
  const problems: MemberProblem[] = []
  if (hpht > today) {
    problems.push({ field: 'hpht', code: 'hpht.future', severity: 'error' })
  } else if (
    daysBetween(hpht, today) > MAX_GESTATION_DAYS &&
    !endedByDelivery(hpht, today, validDate(m.deliveryDate))
  ) {
    // The baby is surely born: the kader should record the delivery instead of keeping an open pregnancy.
    problems.push({ field: 'hpht', code: 'hpht.tooOld', severity: 'error' })
  }
  if (birthDate && hpht < birthDate) {
    problems.push({ field: 'hpht', code: 'hpht.beforeBirth', severity: 'error' })
  } else if (birthDate) {
    const age = ageOn(birthDate, hpht).years
    if (age < PREGNANCY_AGE_YEARS.min || age > PREGNANCY_AGE_YEARS.max) {
      problems.push({ field: 'hpht', code: 'hpht.age', params: { age: String(age) }, severity: 'warning' })
    }
  }
  return problems
}

function deliveryDateProblems(m: MemberInput, birthDate: string | undefined, today: string): MemberProblem[] {
  const deliveryDate = validDate(m.deliveryDate)
  if (!deliveryDate) return []
  if (m.sex === 'L') return [{ field: 'deliveryDate', code: 'deliveryDate.male', severity: 'error' }]
  const problems: MemberProblem[] = []
  if (deliveryDate > today)
    problems.push({ field: 'deliveryDate', code: 'deliveryDate.future', severity: 'error' })
  if (birthDate && deliveryDate < birthDate) {
    problems.push({ field: 'deliveryDate', code: 'deliveryDate.beforeBirth', severity: 'error' })
  }
  return problems
}

function validDate(date: string | undefined): string | undefined {
  return date && isIsoDate(date) ? date : undefined
}
