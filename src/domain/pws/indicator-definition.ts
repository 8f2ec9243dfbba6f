// A cumulative PWS indicator as the indicator modules define it: who its registered sasaran are and on which days a
// person reached it. indicators.ts turns each into a cumulative series (cumulative.ts).
import type { IndicatorContext } from './indicator-context'
import type { Person } from './month'

export interface CumulativeDefinition {
  id: string
  /** In the indicator's registered sasaran (the default annual target) on the reference date. */
  inSasaran(person: Person, ctx: IndicatorContext): boolean
  /** The days the person reached the indicator, up to the reference date, any order (only the year's first counts). */
  events(person: Person, ctx: IndicatorContext): readonly string[]
}
