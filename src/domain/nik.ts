// NIK (Nomor Induk Kependudukan) and No. KK checks. NIK = PPKKCC DDMMYY NNNN (Dukcapil; clinical-rules.md §4.1).
// A NIK never changes, even when it disagrees with a corrected birth date or with today's region list, so such
// disagreements are never plain errors.
import { daysInMonth, isIsoDate, parseDate, toDayMonthYear } from './dates'

export interface NikParts {
  /** PPKKCC: the kecamatan where the NIK was first issued. */
  regionCode: string
  day: number
  month: number
  yy: number
  sex: 'L' | 'P'
  serial: string
}

export type NikIssueCode = 'digits' | 'length' | 'day' | 'month' | 'serial' | 'birthDate' | 'sex' | 'region'

export interface NikIssue {
  code: NikIssueCode
  /** error: not a NIK at all; mismatch: disagrees with the person (refused unless the kader confirms the NIK is as printed); warning: shown, never blocks */
  severity: 'error' | 'mismatch' | 'warning'
  /** For the message, e.g. { nikDate: '12-03-90', birthDate: '12-04-1990' } or { nikSex: 'P', sex: 'L' } or { region: '330101' } */
  params: Record<string, string>
}

export type KkIssueCode = 'digits' | 'length' | 'region'

export interface KkIssue {
  code: KkIssueCode
  severity: 'error' | 'warning'
  params: Record<string, string>
}

const WOMAN_DAY_OFFSET = 40 // Dukcapil: women's day of birth + 40, so 41–71 (clinical-rules.md §4.1)

/** undefined unless 16 digits with a plausible day (01–31 or 41–71) and month (01–12). */
export function parseNik(nik: string): NikParts | undefined {
  if (!/^\d{16}$/.test(nik)) return undefined
  const parts = splitNik(nik)
  return impossibleDateFields(parts).length === 0 ? parts : undefined
}

export function checkNik(
  nik: string,
  person: { birthDate?: string; sex?: 'L' | 'P' },
  isKnownKecamatan?: (code: string) => boolean,
): NikIssue[] {
  const shapeIssues = checkShape(nik)
  if (shapeIssues.length > 0) return shapeIssues
  const parts = splitNik(nik)
  const badDateFields = impossibleDateFields(parts)
  const issues: NikIssue[] = badDateFields.map((field) => ({
    code: field,
    severity: 'error',
    params: { [field]: field === 'day' ? nik.slice(6, 8) : nik.slice(8, 10) },
  }))
  // Dukcapil: the serial runs from 0001 (clinical-rules.md §4.1)
  if (parts.serial === '0000')
    issues.push({ code: 'serial', severity: 'error', params: { serial: parts.serial } })
  if (badDateFields.length === 0) issues.push(...personMismatches(parts, person))
  issues.push(...checkRegion(parts.regionCode, isKnownKecamatan))
  return issues
}

/** No. KK: 16 digits, otherwise opaque (clinical-rules.md §4.2); its first 6 digits are a kecamatan code. */
export function checkKk(noKk: string, isKnownKecamatan?: (code: string) => boolean): KkIssue[] {
  const shapeIssues = checkShape(noKk)
  return shapeIssues.length > 0 ? shapeIssues : checkRegion(noKk.slice(0, 6), isKnownKecamatan)
}

function checkShape(value: string): KkIssue[] {
  const issues: KkIssue[] = []
  if (!/^\d*$/.test(value)) issues.push({ code: 'digits', severity: 'error', params: {} })
  if (value.length !== 16)
    issues.push({ code: 'length', severity: 'error', params: { length: String(value.length) } })
  return issues
}

function splitNik(nik: string): NikParts {
  const rawDay = Number(nik.slice(6, 8))
  const sex = rawDay > WOMAN_DAY_OFFSET ? 'P' : 'L'
  return {
    regionCode: nik.slice(0, 6),
    day: sex === 'P' ? rawDay - WOMAN_DAY_OFFSET : rawDay,
    month: Number(nik.slice(8, 10)),
    yy: Number(nik.slice(10, 12)),
    sex,
    serial: nik.slice(12),
  }
}

function impossibleDateFields({ day, month }: NikParts): ('day' | 'month')[] {
  const monthOk = month >= 1 && month <= 12
  // The century is unknown, so 29 February counts as possible in any year (2000 is a leap year).
  const dayOk = day >= 1 && day <= (monthOk ? daysInMonth(2000, month) : 31)
  return [...(dayOk ? [] : ['day' as const]), ...(monthOk ? [] : ['month' as const])]
}

function personMismatches(parts: NikParts, person: { birthDate?: string; sex?: 'L' | 'P' }): NikIssue[] {
  const issues: NikIssue[] = []
  if (person.birthDate && isIsoDate(person.birthDate)) {
    const birth = parseDate(person.birthDate)
    if (birth.day !== parts.day || birth.month !== parts.month || birth.year % 100 !== parts.yy) {
      const nikDate = [parts.day, parts.month, parts.yy].map((n) => String(n).padStart(2, '0')).join('-')
      issues.push({
        code: 'birthDate',
        severity: 'mismatch',
        params: { nikDate, birthDate: toDayMonthYear(person.birthDate) },
      })
    }
  }
  if (person.sex && person.sex !== parts.sex) {
    issues.push({ code: 'sex', severity: 'mismatch', params: { nikSex: parts.sex, sex: person.sex } })
  }
  return issues
}

// A NIK or KK keeps the code of the kecamatan that issued it, even after a split or rename (clinical-rules.md §4.1).
function checkRegion(code: string, isKnownKecamatan?: (code: string) => boolean): KkIssue[] {
  return isKnownKecamatan && !isKnownKecamatan(code)
    ? [{ code: 'region', severity: 'warning', params: { region: code } }]
    : []
}
