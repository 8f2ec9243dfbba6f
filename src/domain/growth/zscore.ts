// WHO z-scores for the balita and school-age growth indicators, computed the way WHO's own software does:
// anthro (WHO Child Growth Standards, 0–5 y) and anthroplus (WHO Growth Reference 2007, 5–19 y). Every rule below
// is in clinical-rules.md §6 (§6.1–§6.7, from the anthro/anthroplus source); tests/domain/growth reproduces WHO's
// published z-scores with it.
//
//   zScore({ indicator: 'wflh', sex: 'P', ageDays: 400, weightKg: 8.2, lengthCm: 74.5, position: 'lying' })
//   → { ok: true, z: -0.84, flagged: false, reference: 'who2006' }
//
// Age: always `ageDays` = visit date − birth date in days (dates.ts `daysBetween`). When only months are known pass
// months × 30.4375 (may be fractional), as WHO does. Age in months is ageDays / 30.4375, unrounded.
//   - under 60 months: WHO Child Growth Standards, looked up at the age in days rounded half up (0–1826);
//   - from 60 months: WHO Reference 2007 for wfa (to < 121 mo), lhfa = height-for-age and bfa (to < 229 mo),
//     L, M, S interpolated between the whole months around the exact age (anthroplus 1.1.0 limits). wflh, hcfa and
//     acfa exist only under 60 months.
// Length or height: pass what was measured and how (`position`). Under 731 days WHO wants recumbent length, from
// 731 days standing height: a standing height before 731 days gets +0.7 cm, a lying length from 731 days −0.7 cm,
// and the adjusted value feeds lhfa, wflh and bfa. Without a position nothing is adjusted (anthro's rule).
// Weight-for-length (< 731 d, 45–110 cm) or weight-for-height (≥ 731 d, 65–120 cm) is chosen by age, and L, M, S
// are interpolated between the 0.1 cm rows. WHO 2007 takes the height as given (anthroplus does no adjustment).
// Weight-based indicators (wfa, wflh, bfa, acfa; WHO 2007 wfa, bfa) use the restricted "SD23" tails beyond ±3 SD.
//
// Deliberate difference from anthro: a standing measurement before 9 months is implausible (babies that young
// cannot stand). anthro then drops the position, computes from the unadjusted value and sets `c9mo_flag`; we return
// 'implausible-position' for the length-based indicators instead, so the kader re-measures lying rather than sees
// a category built on a wrong measurement.
import { interpolatedRow, type Lms, lmsRow, lmsZ, lmsZRestricted } from './lms'
import { ACFA, BFA, BFA_2007, HCFA, HFA_2007, LHFA, WFA, WFA_2007, WFH, WFL } from './tables.generated'

/** wfa weight-for-age, lhfa length/height-for-age, wflh weight-for-length/height, bfa BMI-for-age,
 * hcfa head circumference-for-age, acfa arm circumference (LiLA/MUAC)-for-age. */
export type Indicator = 'wfa' | 'lhfa' | 'wflh' | 'bfa' | 'hcfa' | 'acfa'
/** lying = recumbent length (PB), standing = standing height (TB). */
export type Position = 'lying' | 'standing'
/** L = laki-laki (male), P = perempuan (female). */
export type Sex = 'L' | 'P'

export interface ZScoreInput {
  indicator: Indicator
  sex: Sex
  /** Exact age in days (see the header); may be fractional. */
  ageDays: number
  weightKg?: number
  /** Length (lying) or height (standing) as measured, in cm; say which with `position`. */
  lengthCm?: number
  position?: Position
  headCm?: number
  /** Mid-upper arm circumference (LiLA), cm. */
  armCm?: number
  /** Bilateral pitting oedema: weight says nothing about nutrition then, so WHO computes no weight-based z. */
  oedema?: boolean
}

export type ZFailure =
  /** Negative age, or outside the indicator's table (acfa starts at 91 days; WHO 2007 ends at 121/229 months). */
  | 'age-out-of-range'
  /** A measurement the indicator needs was not given (or is not a number). */
  | 'missing-measure'
  /** A measurement ≤ 0 (WHO computes nothing for it). */
  | 'invalid-measure'
  /** Length/height outside the weight-for-length (45–110 cm) or weight-for-height (65–120 cm) table. */
  | 'measure-out-of-range'
  /** Standing measurement before 9 months: re-measure lying. */
  | 'implausible-position'
  /** Oedema: no weight-based z-score. */
  | 'oedema'

export type ZResult =
  | {
      ok: true
      /** Rounded to 2 decimals, as WHO reports it. */
      z: number
      /** WHO's implausible-value flag: likely a measuring or recording error — check and re-measure. */
      flagged: boolean
      /** who2006 = WHO Child Growth Standards (0–5 y); who2007 = WHO Growth Reference 2007 (5–19 y). */
      reference: 'who2006' | 'who2007'
    }
  | { ok: false; reason: ZFailure }

/** Average days per month (365.25 / 12), WHO's conversion. */
export const DAYS_PER_MONTH = 30.4375
/** Last day of the 0–5 y tables; z-scores are reported only while age in months < 60 (anthro ≥ 1.0). */
const STANDARDS_END_MONTHS = 60
/** From this age in days WHO expects standing height (24 months); the wfh table replaces wfl. */
const HEIGHT_FROM_DAY = 731
/** cm added to a standing height (before 731 d) or taken off a lying length (from 731 d). */
const LYING_MINUS_STANDING_CM = 0.7
/** Standing before this age (months) is implausible (anthro `c9mo_flag`). */
const STANDING_FROM_MONTHS = 9
/** First row of the arm circumference table (3 months). */
const ACFA_FIRST_DAY = 91

/** WHO's implausible-value flags (README §7; anthro/anthroplus docs). */
const FLAG = {
  weightForAge: (z: number) => z < -6 || z > 5,
  lengthForAge: (z: number) => Math.abs(z) > 6,
  other: (z: number) => Math.abs(z) > 5,
}

const WEIGHT_BASED: ReadonlySet<Indicator> = new Set(['wfa', 'wflh', 'bfa'])
const LENGTH_BASED: ReadonlySet<Indicator> = new Set(['lhfa', 'wflh', 'bfa'])

const fail = (reason: ZFailure): ZResult => ({ ok: false, reason })

/** The z-score of one indicator, or why there is none. Pure; the tables decode on first use. */
export function zScore(input: ZScoreInput): ZResult {
  const { indicator, ageDays } = input
  if (!Number.isFinite(ageDays) || ageDays < 0) return fail('age-out-of-range')
  const ageMonths = ageDays / DAYS_PER_MONTH

  const needed = measuresFor(input)
  for (const value of needed) if (value === undefined || Number.isNaN(value)) return fail('missing-measure')
  for (const value of needed) if ((value as number) <= 0) return fail('invalid-measure')
  if (input.oedema && WEIGHT_BASED.has(indicator)) return fail('oedema')

  return ageMonths < STANDARDS_END_MONTHS ? standards(input, ageMonths) : reference2007(input, ageMonths)
}

function measuresFor({ indicator, weightKg, lengthCm, headCm, armCm }: ZScoreInput): (number | undefined)[] {
  switch (indicator) {
    case 'wfa':
      return [weightKg]
    case 'lhfa':
      return [lengthCm]
    case 'wflh':
    case 'bfa':
      return [weightKg, lengthCm]
    case 'hcfa':
      return [headCm]
    case 'acfa':
      return [armCm]
  }
}

/** WHO Child Growth Standards, age < 60 months (anthro). */
function standards(input: ZScoreInput, ageMonths: number): ZResult {
  const { indicator, sex } = input
  // anthro round_up(): half up, the age as a whole day for the by-day tables.
  const day = Math.floor(input.ageDays + 0.5)
  if (LENGTH_BASED.has(indicator) && input.position === 'standing' && ageMonths < STANDING_FROM_MONTHS) {
    return fail('implausible-position')
  }
  const weight = input.weightKg as number
  const length = adjustedLength(input.lengthCm as number, input.position, day)

  switch (indicator) {
    case 'wfa':
      return result(restricted(weight, lmsRow(WFA, sex, day)), FLAG.weightForAge)
    case 'lhfa':
      return result(plain(length, lmsRow(LHFA, sex, day)), FLAG.lengthForAge)
    case 'hcfa':
      return result(plain(input.headCm as number, lmsRow(HCFA, sex, day)), FLAG.other)
    case 'acfa':
      return result(restricted(input.armCm as number, lmsRow(ACFA, sex, day - ACFA_FIRST_DAY)), FLAG.other)
    case 'bfa':
      return result(restricted(bmi(weight, length), lmsRow(BFA, sex, day)), FLAG.other)
    case 'wflh': {
      const [table, min, max] = day < HEIGHT_FROM_DAY ? ([WFL, 45, 110] as const) : ([WFH, 65, 120] as const)
      if (!(length >= min && length <= max)) return fail('measure-out-of-range')
      // anthro: truncate to the 0.1 cm row below and interpolate toward the next row, in exactly these steps.
      const tenths = Math.trunc(length * 10)
      const fraction = (length - tenths / 10) / 0.1
      return result(
        restricted(weight, interpolatedRow(table, sex, tenths - table.first * 10, fraction)),
        FLAG.other,
      )
    }
  }
}

/** A WHO Child Growth Standards z-score, rounded and flagged; none when the age is outside the table. */
function result(z: number | undefined, flag: (z: number) => boolean): ZResult {
  if (z === undefined) return fail('age-out-of-range')
  const rounded = round2(z)
  return { ok: true, z: rounded, flagged: flag(rounded), reference: 'who2006' }
}

/** WHO Growth Reference 2007, age ≥ 60 months (anthroplus 1.1.0). */
function reference2007(input: ZScoreInput, ageMonths: number): ZResult {
  const { indicator, sex } = input
  // Upper limits are exclusive: the last table row (121 or 229 months) only serves the interpolation.
  const [table, endMonths] =
    indicator === 'wfa'
      ? [WFA_2007, 121]
      : indicator === 'lhfa'
        ? [HFA_2007, 229]
        : indicator === 'bfa'
          ? [BFA_2007, 229]
          : [undefined, 0]
  if (!table || ageMonths >= endMonths) return fail('age-out-of-range')
  const month = Math.trunc(ageMonths)
  const lms = interpolatedRow(table, sex, month - table.first, ageMonths - month)
  if (!lms) return fail('age-out-of-range')

  const weight = input.weightKg as number
  const height = input.lengthCm as number
  const [z, flag] =
    indicator === 'wfa'
      ? [lmsZRestricted(weight, lms), FLAG.weightForAge]
      : indicator === 'lhfa'
        ? [lmsZ(height, lms), FLAG.lengthForAge]
        : [lmsZRestricted(bmi(weight, height), lms), FLAG.other]
  const rounded = round2(z)
  return { ok: true, z: rounded, flagged: flag(rounded), reference: 'who2007' }
}

/** The 0.7 cm rule (anthro adjust_lenhei), by the rounded age in days. */
function adjustedLength(lengthCm: number, position: Position | undefined, day: number): number {
  if (position === 'standing' && day < HEIGHT_FROM_DAY) return lengthCm + LYING_MINUS_STANDING_CM
  if (position === 'lying' && day >= HEIGHT_FROM_DAY) return lengthCm - LYING_MINUS_STANDING_CM
  return lengthCm
}

/** kg/m², written as WHO's R code computes it (R squares with x * x). */
function bmi(weightKg: number, lengthCm: number): number {
  const metres = lengthCm / 100
  return weightKg / (metres * metres)
}

const plain = (y: number, lms: Lms | undefined) => (lms ? lmsZ(y, lms) : undefined)
const restricted = (y: number, lms: Lms | undefined) => (lms ? lmsZRestricted(y, lms) : undefined)

/**
 * round(z, 2) as R ≥ 4.0 does it: of the two neighbouring 2-decimal values, the one nearer to the double z; an exact
 * tie goes to the even last digit. (Math.round(z * 100) / 100 would round 1.005 — stored as 1.00499… — up.)
 */
export function round2(z: number): number {
  const lo = Math.floor(z * 100) / 100
  const hi = Math.ceil(z * 100) / 100
  const below = z - lo
  const above = hi - z
  const rounded = below < above ? lo : above < below ? hi : Math.round(lo * 100) % 2 === 0 ? lo : hi
  return rounded === 0 ? 0 : rounded
}
