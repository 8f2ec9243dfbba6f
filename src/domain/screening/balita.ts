// The bayi, balita and anak prasekolah part (0–71 months): what the kader measures and asks at the posyandu table or
// at home (Panduan Posyandu 2023 langkah 2 and 4; clinical-rules.md §1.2, §2.1). Read by the growth engine and the
// immunisation rules (interpretBalita, below). The payload itself lives in balita-part.ts, which imports no WHO
// tables, so the record schemas of the first screen can use it.

import { ageOn } from '../age'
import { daysBetween, isIsoDate } from '../dates'
import type { Finding } from '../findings'
import {
  type Category,
  categorize,
  DAYS_PER_MONTH,
  growthFindings,
  type Indicator,
  muacCategory,
  type Weighing,
  type WeighingStatus,
  weightGainStatus,
  type ZResult,
  zScore,
} from '../growth'
import {
  asiEksklusif,
  type DoseGiven,
  immunizationFindings,
  immunizationStatus,
  obatCacingDue,
  type VitaminACapsule,
  vitaminADue,
} from '../immunization'
import type { Bilingual } from '../text'
import type { BalitaDangerSign, BalitaScreening } from './balita-part'
import { dangerSignFindings, finding, type ScreeningContext, urgent } from './common'

export { BALITA_DANGER_SIGNS, type BalitaDangerSign, type BalitaScreening } from './balita-part'

// ——— Interpretation ———
//
// What the part tells the kader, read at the visit date (never at "today"), so an old visit reads the same forever:
//   - z-scores of wfa, lhfa, wflh, bfa, hcfa, acfa by the WHO engine (growth/zscore.ts), age in days at the visit
//     and the recorded position (0.7 cm rule, standing before 9 months refused), oedema passed through;
//   - Kemenkes categories, BGM, LiLA cut-offs, N/T/O/B and 2T — all by growthFindings (growth/findings.ts), which
//     holds the levels and cites their sources; this module only feeds it;
//   - oedema, fever, danger signs;
//   - immunisation, vitamin A, obat cacing and ASI eksklusif by immunization.ts, from every dose recorded in the
//     history on or before the visit date plus this visit's.

/** A balita part with the date of the visit it belongs to (an earlier visit of the same member). */
export interface BalitaHistoryEntry {
  /** 'YYYY-MM-DD' */
  date: string
  balita?: BalitaScreening
}

export interface BalitaContext extends ScreeningContext {
  /** 'YYYY-MM-DD': the date the part was measured; every age and due date is read at it. */
  visitDate: string
  /** JE (Japanese encephalitis) is given only in endemic districts (immunization.ts). Default false. */
  jeEndemic?: boolean
  /** Values WHO flags as implausible were confirmed (growth/findings.ts `confirmed`). Default true: a saved visit. */
  extremesConfirmed?: boolean
}

/** One indicator as the form and the growth chart show it: "BB/U −2.31 · Berat badan kurang". */
export interface BalitaMeasure {
  indicator: Indicator
  /** The index as Kemenkes names it at this age: BB/U, PB/U or TB/U, BB/PB or BB/TB, IMT/U, LK/U, LiLA/U. */
  index: string
  /** The engine's result: the z-score, or why there is none (missing measure, oedema, wrong position, …). */
  z: ZResult
  /**
   * The Permenkes 2/2020 category of the z-score; absent when there is no z, when WHO flags it as implausible
   * (re-measure first), or when the index has no category at this age (BB/U, BB/TB and LK/U after 60 months;
   * LiLA/U — see `lila`).
   */
  category?: Category
}

export interface BalitaMeasures {
  /** Days from birth to the visit (negative when the visit date is before the birth date). */
  ageDays: number
  /** ageDays / 30.4375, unrounded (WHO's months, growth/zscore.ts). */
  ageMonths: number
  indicators: Record<Indicator, BalitaMeasure>
  /** LiLA by the absolute cut-offs (6–59 months; growth/categories.ts muacCategory). */
  lila?: Category
}

const INDICATORS: readonly Indicator[] = ['wfa', 'lhfa', 'wflh', 'bfa', 'hcfa', 'acfa']
/** Under 24 months the length is PB (lying) and the indices are PB/U and BB/PB (clinical-rules.md §2.1; categories.ts). */
const LENGTH_INDEX_BELOW_MONTHS = 24

function indexName(indicator: Indicator, ageMonths: number): string {
  const infant = ageMonths < LENGTH_INDEX_BELOW_MONTHS
  switch (indicator) {
    case 'wfa':
      return 'BB/U'
    case 'lhfa':
      return infant ? 'PB/U' : 'TB/U'
    case 'wflh':
      return infant ? 'BB/PB' : 'BB/TB'
    case 'bfa':
      return 'IMT/U'
    case 'hcfa':
      return 'LK/U'
    case 'acfa':
      return 'LiLA/U'
  }
}

/** The z-score and category of every indicator at the visit date, for the form (as the kader types) and the chart. */
export function balitaMeasures(
  s: BalitaScreening,
  ctx: Pick<ScreeningContext, 'birthDate' | 'sex'> & { visitDate: string },
): BalitaMeasures {
  const { ageDays, ageMonths, scores } = balitaScores(s, ctx)
  const indicators = {} as Record<Indicator, BalitaMeasure>
  for (const indicator of INDICATORS) {
    const z = scores[indicator]
    const category = z.ok && !z.flagged ? categorize(indicator, ageMonths, z.z) : undefined
    indicators[indicator] = {
      indicator,
      index: category?.index ?? indexName(indicator, ageMonths),
      z,
      ...(category ? { category } : {}),
    }
  }
  const lila = s.armCm === undefined ? undefined : muacCategory(ageMonths, s.armCm)
  return { ageDays, ageMonths, indicators, ...(lila ? { lila } : {}) }
}

/** The age at the visit and every indicator's z-score: what balitaMeasures and the growth findings read. */
function balitaScores(
  s: BalitaScreening,
  ctx: Pick<ScreeningContext, 'birthDate' | 'sex'> & { visitDate: string },
): { ageDays: number; ageMonths: number; scores: Record<Indicator, ZResult> } {
  const ageDays = daysBetween(ctx.birthDate, ctx.visitDate)
  const scores = {} as Record<Indicator, ZResult>
  for (const indicator of INDICATORS) {
    scores[indicator] = zScore({
      indicator,
      sex: ctx.sex,
      ageDays,
      weightKg: s.weightKg,
      lengthCm: s.lengthCm,
      position: s.position,
      headCm: s.headCm,
      armCm: s.armCm,
      oedema: s.oedema,
    })
  }
  return { ageDays, ageMonths: ageDays / DAYS_PER_MONTH, scores }
}

/** Every finding of the balita part of one visit. `history`: the member's earlier visits, in any order. */
export function interpretBalita(
  s: BalitaScreening,
  ctx: BalitaContext,
  history: readonly BalitaHistoryEntry[],
): Finding[] {
  const earlier = knownOn(ctx, history)
  if (!earlier) return []
  return [
    ...mayRefer(s, ctx, earlier),
    ...immunization(s, ctx, earlier),
    ...vitaminA(s, ctx, earlier),
    ...obatCacing(s, ctx, earlier),
    ...asiEksklusif(ctx.birthDate, ctx.visitDate, s.asiEksklusif),
  ]
}

/**
 * The findings of interpretBalita that can refer — the same findings in the same order — without running the rules
 * that never refer (immunisation, vitamin A, obat cacing, ASI: the child's whole schedule). For the readers that
 * follow referrals through every visit (visit-findings.ts problemFindings).
 */
export function balitaProblemFindings(
  s: BalitaScreening,
  ctx: BalitaContext,
  history: readonly BalitaHistoryEntry[],
): Finding[] {
  const earlier = knownOn(ctx, history)
  if (!earlier) return []
  return mayRefer(s, ctx, earlier)
}

/**
 * The history known on the visit date — so a later visit never changes how this one reads — or undefined when the
 * visit cannot be read (a date that is not a date, a visit before the birth).
 */
function knownOn(
  ctx: BalitaContext,
  history: readonly BalitaHistoryEntry[],
): BalitaHistoryEntry[] | undefined {
  const { birthDate, visitDate } = ctx
  if (!isIsoDate(visitDate) || !isIsoDate(birthDate) || visitDate < birthDate) return undefined
  return history.filter((h) => isIsoDate(h.date) && h.date >= birthDate && h.date <= visitDate)
}

/** The rules that can refer, in interpretBalita's order: growth, oedema, fever, danger signs. */
function mayRefer(s: BalitaScreening, ctx: BalitaContext, earlier: readonly BalitaHistoryEntry[]): Finding[] {
  return [
    ...growth(s, ctx, earlier),
    ...oedema(s.oedema),
    ...fever(s.temperatureC),
    ...dangerSignFindings('balita.tanda_bahaya', s.dangerSigns, DANGER_LABELS, SRC_DANGER),
  ]
}

function growth(s: BalitaScreening, ctx: BalitaContext, earlier: readonly BalitaHistoryEntry[]): Finding[] {
  // The z-scores alone: growthFindings categorises them itself.
  const measured = balitaScores(s, ctx)
  const { ageMonths } = measured
  const scores: Partial<Record<Indicator, ZResult>> = measured.scores
  // A standing measurement before 9 months fails lhfa, wflh and bfa alike; growthFindings would say "measure lying"
  // once per index — once is enough.
  if (isWrongPosition(scores.lhfa)) {
    if (isWrongPosition(scores.wflh)) delete scores.wflh
    if (isWrongPosition(scores.bfa)) delete scores.bfa
  }
  return growthFindings({
    ageMonths,
    scores,
    armCm: s.armCm,
    statuses: monthlyStatuses(s.weightKg, ctx, earlier),
    confirmed: ctx.extremesConfirmed ?? true,
  })
}

const isWrongPosition = (z: ZResult | undefined) =>
  z !== undefined && !z.ok && z.reason === 'implausible-position'

/**
 * N/T/O/B of the last two months the child was weighed up to this visit, oldest first, ending with this visit's (none
 * when this visit has no weight) — growthFindings reads no more: this visit's status and 2T. Each month counts its
 * latest weighing; this visit is its month's weighing. KBM by age in completed calendar months at the weighing
 * (age.ts ageOn), as the Buku KIA's table is read ("umur N bulan"). growth/monitoring.ts applies the rules: N/T
 * against the KBM only one month apart, O across a missed month, B first.
 */
function monthlyStatuses(
  weightKg: number | undefined,
  ctx: BalitaContext,
  earlier: readonly BalitaHistoryEntry[],
): WeighingStatus[] {
  if (!isWeight(weightKg)) return []
  const visitMonth = ctx.visitDate.slice(0, 7)
  const latestPerMonth = new Map<string, Weighing>()
  for (const h of earlier) {
    const weight = h.balita?.weightKg
    const month = h.date.slice(0, 7)
    if (!isWeight(weight) || month >= visitMonth) continue
    const kept = latestPerMonth.get(month)
    if (!kept || h.date >= kept.date) latestPerMonth.set(month, { date: h.date, weightKg: weight })
  }
  const weighings = [...latestPerMonth.values()].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  )
  weighings.push({ date: ctx.visitDate, weightKg })
  // A status needs the weighing before it: the last two statuses read the last three weighings.
  const from = Math.max(0, weighings.length - 2)
  return weighings
    .slice(from)
    .map((w, i) =>
      weightGainStatus(
        weighings[from + i - 1],
        w,
        ageOn(ctx.birthDate, w.date).totalMonths,
        ctx.settings.kbmTable,
      ),
    )
}

const isWeight = (kg: number | undefined): kg is number => typeof kg === 'number' && kg > 0

// Bilateral pitting oedema is gizi buruk whatever the z-scores say, and weight says nothing about nutrition then
// (WHO computes no weight-based z; zscore.ts) — WHO 2013 SAM guideline; Kemenkes Pedoman Pencegahan dan
// Tatalaksana Gizi Buruk 2019 [K], the guideline clinical-rules.md §2.1 cites for LiLA. Rujuk.
const SRC_OEDEMA = 'WHO 2013; Kemenkes gizi buruk guideline 2019 [K] (clinical-rules.md §2.1)'

function oedema(present: boolean | undefined): Finding[] {
  if (present === undefined) return []
  return present
    ? [
        urgent(
          finding(
            'balita.edema',
            'rujuk',
            {
              id: 'Edema (bengkak) pada kedua kaki: gizi buruk — rujuk segera ke puskesmas',
              en: 'Bilateral pitting oedema: severe acute malnutrition — refer to the puskesmas now',
            },
            SRC_OEDEMA,
          ),
        ),
      ]
    : [finding('balita.edema_tidak_ada', 'normal', { id: 'Tidak ada edema', en: 'No oedema' }, SRC_OEDEMA)]
}

// Suhu ≥ 37.5 °C is fever: balita home-visit form item "suhu ≥37,5 °C" (clinical-rules.md §2.1) [S]. Referred like the
// "demam" danger sign on the same form [K: Buku KIA lists demam among the signs to take a child to a facility].
export const FEVER_FROM_C = 37.5
const SRC_FEVER = 'Form kunjungan rumah ILP; Buku KIA [K] (clinical-rules.md §2.1)'

function fever(temperatureC: number | undefined): Finding[] {
  if (typeof temperatureC !== 'number' || !(temperatureC > 0)) return []
  const id = `${String(temperatureC).replace('.', ',')} °C`
  const en = `${temperatureC} °C`
  return temperatureC >= FEVER_FROM_C
    ? [
        finding(
          'balita.demam',
          'rujuk',
          {
            id: `Demam (suhu ${id}, ≥ 37,5) — rujuk ke pustu/puskesmas`,
            en: `Fever (${en}, ≥ 37.5) — refer`,
          },
          SRC_FEVER,
        ),
      ]
    : [finding('balita.suhu_normal', 'normal', { id: `Suhu ${id}`, en: `Temperature ${en}` }, SRC_FEVER)]
}

// Tanda bahaya balita: ILP home-visit form (napas, batuk grok-grok, diare, kencing, warna kulit, aktivitas,
// hisapan, pemberian makan — clinical-rules.md §2.1) [S]; demam and kejang as in Buku KIA [K]. Any → rujuk segera.
const SRC_DANGER = 'Form kunjungan rumah ILP (clinical-rules.md §2.1) [S]; Buku KIA [K]'
const DANGER_LABELS: Record<BalitaDangerSign, Bilingual> = {
  napas_cepat: { id: 'napas cepat/sesak', en: 'fast or difficult breathing' },
  batuk_grok: { id: 'batuk grok-grok', en: 'cough with noisy (rattling) breathing' },
  diare: { id: 'diare', en: 'diarrhoea' },
  tidak_kencing: { id: 'tidak kencing/kencing sedikit', en: 'not passing urine or very little' },
  kulit_kuning_biru: { id: 'kulit kuning/biru', en: 'yellow or blue skin' },
  lemas: { id: 'lemas/kurang aktif', en: 'lethargic or less active' },
  tidak_mau_menyusu: { id: 'tidak mau menyusu', en: 'not breastfeeding' },
  tidak_mau_makan: { id: 'tidak mau makan', en: 'not eating' },
  demam: { id: 'demam', en: 'fever' },
  kejang: { id: 'kejang', en: 'convulsions' },
}

/** Doses from every visit up to this one (the visit date is the dose date) → immunization.ts's status and findings. */
function immunization(
  s: BalitaScreening,
  ctx: BalitaContext,
  earlier: readonly BalitaHistoryEntry[],
): Finding[] {
  const given: DoseGiven[] = [...earlier, { date: ctx.visitDate, balita: s }].flatMap((h) =>
    (h.balita?.immunizations ?? []).map((d) => ({ antigen: d.antigen, dose: d.dose, date: h.date })),
  )
  return immunizationFindings(
    immunizationStatus(ctx.birthDate, given, ctx.visitDate, { jeEndemic: ctx.jeEndemic ?? false }),
  )
}

function givenDates(
  s: BalitaScreening,
  ctx: BalitaContext,
  earlier: readonly BalitaHistoryEntry[],
  item: 'vitaminA' | 'obatCacing',
): string[] {
  const dates = earlier.filter((h) => h.balita?.[item] === true).map((h) => h.date)
  if (s[item] === true) dates.push(ctx.visitDate)
  return dates
}

const SRC_VITAMIN_A = 'Permenkes 21/2015 (clinical-rules.md §2.1)'
const CAPSULE: Record<VitaminACapsule, Bilingual> = {
  biru: { id: 'kapsul biru 100.000 IU', en: 'blue capsule 100,000 IU' },
  merah: { id: 'kapsul merah 200.000 IU', en: 'red capsule 200,000 IU' },
}

/**
 * Vitamin A in a round month (February, August — immunization.ts vitaminADue): not given yet → perhatian, because
 * the round is this month and a missed round is a missing service (clinical-rules.md §3.1, "vitamin A in Feb/Aug");
 * given → normal. Outside the round months nothing is shown.
 */
function vitaminA(s: BalitaScreening, ctx: BalitaContext, earlier: readonly BalitaHistoryEntry[]): Finding[] {
  const status = vitaminADue(ctx.birthDate, givenDates(s, ctx, earlier, 'vitaminA'), ctx.visitDate)
  const capsule = status.capsule ? CAPSULE[status.capsule] : undefined
  if (!capsule) return []
  switch (status.state) {
    case 'due':
      return [
        finding(
          'vitamin_a.jatuh_tempo',
          'perhatian',
          {
            id: `Vitamin A (${capsule.id}) belum diberikan — bulan ini bulan vitamin A`,
            en: `Vitamin A (${capsule.en}) not given yet — this is a vitamin A month`,
          },
          SRC_VITAMIN_A,
        ),
      ]
    case 'done':
      return [
        finding(
          'vitamin_a.sudah',
          'normal',
          { id: `Vitamin A (${capsule.id}) sudah diberikan`, en: `Vitamin A (${capsule.en}) given` },
          SRC_VITAMIN_A,
        ),
      ]
    default:
      return []
  }
}

const SRC_DEWORMING = 'Permenkes 15/2017 Penanggulangan Cacingan [K] (clinical-settings.ts dewormingPerYear)'

/** Obat cacing, 12 months – 12 years, per settings.dewormingPerYear (immunization.ts obatCacingDue). */
function obatCacing(
  s: BalitaScreening,
  ctx: BalitaContext,
  earlier: readonly BalitaHistoryEntry[],
): Finding[] {
  const status = obatCacingDue(
    ctx.birthDate,
    givenDates(s, ctx, earlier, 'obatCacing'),
    ctx.visitDate,
    ctx.settings,
  )
  const period =
    ctx.settings.dewormingPerYear === 2
      ? { id: 'semester ini', en: 'this half-year' }
      : { id: 'tahun ini', en: 'this year' }
  switch (status.state) {
    case 'due':
      return [
        finding(
          'obat_cacing.jatuh_tempo',
          'perhatian',
          {
            id: `Obat cacing ${period.id} belum diberikan`,
            en: `Deworming not given ${period.en}`,
          },
          SRC_DEWORMING,
        ),
      ]
    case 'done':
      return [
        finding(
          'obat_cacing.sudah',
          'normal',
          { id: `Obat cacing ${period.id} sudah diberikan`, en: `Deworming given ${period.en}` },
          SRC_DEWORMING,
        ),
      ]
    default:
      return []
  }
}
