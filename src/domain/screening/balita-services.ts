// The services of the balita part: immunisation, vitamin A, obat cacing and ASI eksklusif, read from every dose
// recorded on or before the visit date (this visit's included) by immunization.ts. None of them refers: a missed
// service is a kunjungan khusus (clinical-rules.md §2.1, §3.1).

import type { Finding } from '../findings'
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
import type { BalitaContext, BalitaHistoryEntry } from './balita'
import type { BalitaScreening } from './balita-part'
import { finding } from './common'

/** Immunisation, vitamin A, obat cacing and ASI eksklusif findings, in that order. */
export function balitaServiceFindings(
  s: BalitaScreening,
  ctx: BalitaContext,
  earlier: readonly BalitaHistoryEntry[],
): Finding[] {
  return [
    ...immunization(s, ctx, earlier),
    ...vitaminA(s, ctx, earlier),
    ...obatCacing(s, ctx, earlier),
    ...asiEksklusif(ctx.birthDate, ctx.visitDate, s.asiEksklusif),
  ]
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
