// Immunisation coverage per dose of the programme schedule and imunisasi dasar lengkap (clinical-rules.md §3.2;
// schedule §2.1, immunization.ts). A dose counts on the date of the visit that records it; the registered sasaran
// of a dose due before 12 months is the babies born in the 12 months up to the reference date (bayi 0–11 months),
// of a later dose (PCV 3, DPT-HB-Hib 4, MR 2) the children born in the 12 months before those (baduta 12–23 months).
// Imunisasi dasar lengkap (IDL): every dose the schedule puts before 12 months recorded, counted on the day of the
// last of them [K: the programme's "bayi 0–11 bulan dengan imunisasi dasar lengkap"] — its sasaran are 0–11 months
// on the reference date, so each completed before the first birthday. JE is left out: it is given only in endemic districts and the app does not know the district's status.
import { type Antigen, IMMUNIZATION_SCHEDULE, type ScheduledDose } from '../immunization'
import { type IndicatorContext, monthsBefore } from './indicator-context'
import type { CumulativeDefinition } from './indicator-definition'
import type { Person } from './month'

/** The scheduled doses with a coverage figure, in schedule order (JE left out, see the header). */
export const COVERED_DOSES: readonly ScheduledDose[] = IMMUNIZATION_SCHEDULE.filter((d) => !d.endemicOnly)

export const doseIndicatorId = (d: { antigen: Antigen; dose: number }) => `imunisasi.${d.antigen}.${d.dose}`
export const IDL_INDICATOR = 'imunisasi.idl'

const BASIC_DOSES = COVERED_DOSES.filter((d) => d.ageMonths < 12)

/** Born in the 12 months up to the reference date (infant) or in the 12 months before those (baduta). */
function bornIn(p: Person, ctx: IndicatorContext, yearsBack: 0 | 1): boolean {
  const from = monthsBefore(ctx.month.first, 11 + 12 * yearsBack)
  const before = yearsBack === 0 ? undefined : ctx.windowStart
  const b = p.member.birthDate
  return b >= from && (before === undefined ? b <= ctx.month.last : b < before)
}

// Each person's doses are read once for the 20 dose figures and IDL (people are made afresh for every report).
const givenOf = new WeakMap<Person, Map<string, string[]>>()

/** The dates each dose was recorded, from the member's current visits. */
function dosesGiven(p: Person): Map<string, string[]> {
  const known = givenOf.get(p)
  if (known) return known
  const given = new Map<string, string[]>()
  for (const v of p.visits) {
    for (const d of v.parts.balita?.immunizations ?? []) {
      const key = doseIndicatorId(d)
      const dates = given.get(key)
      if (dates) dates.push(v.date)
      else given.set(key, [v.date])
    }
  }
  givenOf.set(p, given)
  return given
}

export const IMMUNIZATION_DEFINITIONS: readonly CumulativeDefinition[] = [
  ...COVERED_DOSES.map(
    (dose): CumulativeDefinition => ({
      id: doseIndicatorId(dose),
      inSasaran: (p, ctx) => bornIn(p, ctx, dose.ageMonths < 12 ? 0 : 1),
      events: (p) => dosesGiven(p).get(doseIndicatorId(dose)) ?? [],
    }),
  ),
  {
    id: IDL_INDICATOR,
    inSasaran: (p, ctx) => bornIn(p, ctx, 0),
    events: (p) => {
      const given = dosesGiven(p)
      let last = ''
      for (const dose of BASIC_DOSES) {
        const dates = given.get(doseIndicatorId(dose))
        if (!dates) return []
        const first = [...dates].sort()[0] as string
        if (first > last) last = first
      }
      return [last]
    },
  },
]
