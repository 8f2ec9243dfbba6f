// Screening and follow-up coverage by life-cycle stage (clinical-rules.md §3.2; SPM, Permenkes 4/2019: usia
// produktif, lansia, hipertensi, DM, terduga TBC), each counted once a year in the month of the person's first
// qualifying visit or follow-up:
//   - remaja putri Hb: girls 12–18 y (TTD remaja putri from 12, §2.3) with an Hb measured (remaja part);
//   - PTM ≥ 15 y: blood pressure measured in the remaja (from 15 y), dewasa or lansia part — the PTM screen of the
//     kader's form ("PTM ≥ 15", §2.3) rests on the blood pressure; glucose needs a strip the posyandu may lack;
//   - hipertensi / DM dilayani: people found with BP ≥ 140/90 (td.hipertensi) or GDS ≥ 200 (gds.tinggi) in the last
//     12 months whose referral for that problem (referrals/problems.ts) was followed up as having reached a
//     facility ('sampai', or the older 'sudah ke pustu/puskesmas') — what a kader can see of "mendapat pelayanan
//     sesuai standar". Refusing, moving away or dying closes the referral but is not being served;
//   - lansia (≥ 60 y) screened with SKILAS or AKS: a SKILAS domain or the AKS category read (§2.5);
//   - skrining kesehatan jiwa: adults > 18 y (SRQ-20 is for > 18 y, §2.4) with a complete SRQ-20 or both PHQ-2 and
//     GAD-2 (either instrument, whichever the setting showed);
//   - terduga TBC found (≥ 2 symptoms, tbc.terduga, §2.4) and, of them, those whose referral reached the pustu or
//     puskesmas. Their registered sasaran is the terduga found in the last 12 months (the puskesmas enters its
//     estimate of terduga as the sasaran proyeksi).

import { ageOn } from '../age'
import { type FollowUpOutcome, problemOf } from '../referrals'
import { adultBloodPressure, randomGlucose } from '../screening/common'
import { srq20Result, twoItemScore } from '../screening/mental-health'
import { TTD_PUTRI_FROM_AGE } from '../screening/remaja'
import { type IndicatorContext, yearsOld } from './indicator-context'
import type { CumulativeDefinition } from './indicator-definition'
import type { Person } from './month'
import { ratio, Tally } from './tally'
import type { PwsVisit, Ratio } from './types'

export const STAGE_INDICATORS = [
  'remaja.hbPutri',
  'ptm.skrining',
  'ptm.hipertensiDilayani',
  'ptm.dmDilayani',
  'lansia.skrining',
  'jiwa.skrining',
  'tbc.terduga',
  'tbc.dirujuk',
] as const
export type StageIndicator = (typeof STAGE_INDICATORS)[number]

/** PTM screening from 15 y ("PTM ≥ 15", §2.3). */
const PTM_FROM_AGE = 15
/** SRQ-20 is for adults over 18 (§2.4). */
const SRQ20_FROM_AGE = 19
/** Lansia ≥ 60 y (§2.5). */
const LANSIA_FROM_AGE = 60
/** Remaja putri: girls up to the end of the usia sekolah & remaja stage (6–18 y, lifecycle.ts). */
const REMAJA_TO_AGE = 18

const CODES = { hipertensi: 'td.hipertensi', dm: 'gds.tinggi', tbc: 'tbc.terduga' } as const

const visitDates = (p: Person, took: (v: PwsVisit) => boolean) => p.visits.filter(took).map((v) => v.date)

type AdultPart = NonNullable<PwsVisit['parts']['dewasa']>

/**
 * Whether a visit's dewasa or lansia part gives `code`. Blood pressure and glucose are read with the very rules
 * interpretDewasa applies to those parts (screening/common.ts) — reading the whole visit for them made a year of an
 * area's adult visits the slowest part of the PWS. Anything else, and the remaja part (adult cut-offs only from
 * 18 y, remaja.ts), is read through the visit's findings.
 */
function adultPartGives(s: AdultPart, code: string): boolean | undefined {
  if (code === CODES.hipertensi)
    return adultBloodPressure('td', s.systolicMmHg, s.diastolicMmHg).some((f) => f.code === code)
  if (code === CODES.dm) return randomGlucose('gds', s.gdsMgDl).some((f) => f.code === code)
  return undefined
}

// Each person's finding days per code, read once for the five indicators that ask (people are made per report).
const foundDays = new WeakMap<Person, Map<string, string[]>>()

/** Days of visits in the 12-month window whose dewasa/lansia/remaja findings hold `code`. */
function foundOn(p: Person, ctx: IndicatorContext, code: string): string[] {
  let byCode = foundDays.get(p)
  if (!byCode) {
    byCode = new Map()
    foundDays.set(p, byCode)
  }
  const known = byCode.get(code)
  if (known) return known
  const gives = (v: PwsVisit): boolean => {
    // No TBC finding without a symptom or a household contact recorded: most visits are never read for it.
    if (
      code === CODES.tbc &&
      ![v.parts.dewasa, v.parts.lansia].some((s) => s?.tbcSymptoms?.length || s?.tbcHouseholdContact)
    )
      return false
    // One blood pressure per visit: with a reading in the ibu hamil part, the stage part's is not read (visit-findings).
    const pregnancyBp =
      v.parts.ibu_hamil?.systolicMmHg !== undefined || v.parts.ibu_hamil?.diastolicMmHg !== undefined
    if (code === CODES.hipertensi && pregnancyBp) return false
    for (const s of [v.parts.dewasa, v.parts.lansia]) if (s && adultPartGives(s, code)) return true
    const direct = [v.parts.dewasa, v.parts.lansia].every((s) => !s || adultPartGives(s, code) !== undefined)
    if (direct && !v.parts.remaja) return false
    return ctx.month
      .read(p, v)
      .parts.some((part) => part.part !== 'ibu_hamil' && part.findings.some((f) => f.code === code))
  }
  const days = p.visits
    .filter((v) => v.date >= ctx.windowStart && (v.parts.dewasa || v.parts.lansia || v.parts.remaja))
    .filter(gives)
    .map((v) => v.date)
  byCode.set(code, days)
  return days
}

/** The follow-up outcomes saying the person got to a facility (referrals/history.ts FollowUpOutcome). */
const REACHED_FACILITY: readonly FollowUpOutcome[] = ['sampai', 'sudah_ke_pustu', 'sudah_ke_puskesmas']

/** Days of follow-ups saying the person reached a facility for the referral problem of `code`. */
function reachedFaskes(p: Person, ctx: IndicatorContext, code: string): string[] {
  const problem = problemOf(code)
  return (ctx.followUps.get(p.member.id) ?? [])
    .filter((f) => (f.problem ?? (f.findingCode && problemOf(f.findingCode))) === problem)
    .filter((f) => REACHED_FACILITY.includes(f.outcome))
    .map((f) => f.date)
}

const found = (code: string) => (p: Person, ctx: IndicatorContext) => foundOn(p, ctx, code).length > 0

/** Of the people found with `code` in the last 12 months, those whose referral for it reached the pustu/puskesmas. */
const followedUp = (id: StageIndicator, code: string): CumulativeDefinition => ({
  id,
  inSasaran: found(code),
  events: (p, ctx) => reachedFaskes(p, ctx, code),
})

export const STAGE_DEFINITIONS: Record<StageIndicator, CumulativeDefinition> = {
  'remaja.hbPutri': {
    id: 'remaja.hbPutri',
    inSasaran: (p, ctx) => {
      const age = yearsOld(p, ctx)
      return p.member.sex === 'P' && age >= TTD_PUTRI_FROM_AGE && age <= REMAJA_TO_AGE
    },
    events: (p) => visitDates(p, (v) => v.parts.remaja?.hbGdl !== undefined),
  },
  'ptm.skrining': {
    id: 'ptm.skrining',
    inSasaran: (p, ctx) => yearsOld(p, ctx) >= PTM_FROM_AGE,
    events: (p) =>
      visitDates(p, (v) => {
        const measured = (s?: { systolicMmHg?: number; diastolicMmHg?: number }) =>
          s !== undefined && (s.systolicMmHg !== undefined || s.diastolicMmHg !== undefined)
        return (
          measured(v.parts.dewasa) ||
          measured(v.parts.lansia) ||
          (measured(v.parts.remaja) && ageOn(p.member.birthDate, v.date).years >= PTM_FROM_AGE)
        )
      }),
  },
  'ptm.hipertensiDilayani': followedUp('ptm.hipertensiDilayani', CODES.hipertensi),
  'ptm.dmDilayani': followedUp('ptm.dmDilayani', CODES.dm),
  'lansia.skrining': {
    id: 'lansia.skrining',
    inSasaran: (p, ctx) => yearsOld(p, ctx) >= LANSIA_FROM_AGE,
    events: (p, ctx) =>
      visitDates(
        p,
        (v) =>
          v.parts.lansia !== undefined &&
          ctx.month
            .read(p, v)
            .parts.some(
              (part) =>
                part.part === 'lansia' &&
                part.findings.some(
                  (f) => /^skilas\.[a-z_]+\.(positif|negatif)$/.test(f.code) || f.code.startsWith('aks.'),
                ),
            ),
      ),
  },
  'jiwa.skrining': {
    id: 'jiwa.skrining',
    inSasaran: (p, ctx) => yearsOld(p, ctx) >= SRQ20_FROM_AGE,
    events: (p) =>
      visitDates(p, (v) =>
        [v.parts.dewasa, v.parts.lansia].some(
          (s) =>
            s !== undefined &&
            ((s.srq20 !== undefined && srq20Result(s.srq20).complete) ||
              (twoItemScore(s.phq2) !== undefined && twoItemScore(s.gad2) !== undefined)),
        ),
      ),
  },
  'tbc.terduga': {
    id: 'tbc.terduga',
    inSasaran: found(CODES.tbc),
    events: (p, ctx) => foundOn(p, ctx, CODES.tbc),
  },
  'tbc.dirujuk': followedUp('tbc.dirujuk', CODES.tbc),
}

/**
 * Remaja putri taking TTD (1 tablet a week, §2.3) this month: girls 12–18 y whose latest remaja part of the month that
 * asked says the tablet was taken this week, over all girls 12–18 y of the area.
 */
export function remajaPutriTtd(ctx: IndicatorContext): Ratio {
  const sasaran = new Tally()
  const took = new Tally()
  for (const [id, person] of ctx.month.people) {
    if (!STAGE_DEFINITIONS['remaja.hbPutri'].inSasaran(person, ctx)) continue
    sasaran.add(id)
    const asked = person.inMonth.findLast((v) => v.parts.remaja?.ttdTakenThisWeek !== undefined)
    if (asked?.parts.remaja?.ttdTakenThisWeek === true) took.add(id)
  }
  return ratio(took.count(), sasaran.count())
}
