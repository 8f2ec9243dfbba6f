// The PWS indicators of a posyandu area for a month (clinical-rules.md §3.2; SPM, Permenkes 4/2019): PWS-KIA,
// immunisation per dose and IDL, screening and follow-up by stage — each cumulative from January against its annual
// target with the PWS status (cumulative.ts) — plus SKDN by sex and age group with a real K, nutrition prevalence
// among the weighed, vitamin A per round and remaja putri TTD this month. Read from the same index as the monthly
// report (month.ts): reference date the month's last day, current visits only.
import { type AnnualTarget, type CumulativeSeries, cumulativeSeries } from './cumulative'
import { IMMUNIZATION_DEFINITIONS } from './immunization-coverage'
import { type IndicatorContext, indicatorContext } from './indicator-context'
import type { CumulativeDefinition } from './indicator-definition'
import { KIA_DEFINITIONS, KIA_INDICATORS } from './kia'
import { indexMonth, type Month } from './month'
import { Register } from './register'
import { skdnSection } from './skdn'
import { type Nutrition, nutritionPrevalence, type SkdnGroup, skdnGroups } from './skdn-groups'
import { remajaPutriTtd, STAGE_DEFINITIONS, STAGE_INDICATORS } from './stage-indicators'
import { Tally } from './tally'
import type { Count, PwsInput, Ratio, Skdn } from './types'
import { type VitaminARound, vitaminARounds } from './vitamin-a'

/** Every cumulative indicator in the order the screen and the CSV list them. */
export const CUMULATIVE_DEFINITIONS: readonly CumulativeDefinition[] = [
  ...KIA_INDICATORS.map((id) => KIA_DEFINITIONS[id]),
  ...IMMUNIZATION_DEFINITIONS,
  ...STAGE_INDICATORS.map((id) => STAGE_DEFINITIONS[id]),
]

/** Annual targets the puskesmas entered for the area, by indicator id; missing ones take the defaults. */
export type PwsTargets = Readonly<Record<string, AnnualTarget>>

export interface IndicatorSeries extends CumulativeSeries {
  id: string
  /** The registered sasaran: the default annual target when no projection is entered. */
  registered: Count
}

export interface PwsIndicators {
  /** 'YYYY-MM' */
  month: string
  referenceDate: string
  /** CUMULATIVE_DEFINITIONS' ids → their series. */
  series: Record<string, IndicatorSeries>
  skdnGroups: SkdnGroup[]
  nutrition: Record<Nutrition, Ratio>
  vitaminA: VitaminARound[]
  remajaPutriTtd: Ratio
}

/** Throws RangeError when `input.month` is not 'YYYY-MM'. */
export function pwsIndicators(input: PwsInput, targets: PwsTargets = {}): PwsIndicators {
  const month = indexMonth(input)
  return indicatorsOf(month, skdnSection(month, new Register()), input, targets)
}

/** The indicators from an index the monthly report already built (report.ts pwsMonthAndIndicators). */
export function indicatorsOf(month: Month, skdn: Skdn, input: PwsInput, targets: PwsTargets): PwsIndicators {
  const ctx = indicatorContext(month, input.followUps, input.settings)
  const series: Record<string, IndicatorSeries> = {}
  for (const def of CUMULATIVE_DEFINITIONS) series[def.id] = seriesOf(def, ctx, input.month, targets[def.id])
  return {
    month: input.month,
    referenceDate: month.last,
    series,
    skdnGroups: skdnGroups(month, skdn),
    nutrition: nutritionPrevalence(month, skdn),
    vitaminA: vitaminARounds(ctx),
    remajaPutriTtd: remajaPutriTtd(ctx),
  }
}

/** Only the people of the registered sasaran are counted: coverage says how many of them were reached. */
function seriesOf(
  def: CumulativeDefinition,
  ctx: IndicatorContext,
  monthId: string,
  target: AnnualTarget | undefined,
): IndicatorSeries {
  const registered = new Tally()
  const events = new Map<string, readonly string[]>()
  for (const [id, person] of ctx.month.people) {
    if (!def.inSasaran(person, ctx)) continue
    registered.add(id)
    const dates = def.events(person, ctx)
    if (dates.length > 0) events.set(id, dates)
  }
  const count = registered.count()
  return {
    id: def.id,
    ...cumulativeSeries({ month: monthId, events, registered: count.value, ...(target ? { target } : {}) }),
    registered: count,
  }
}
