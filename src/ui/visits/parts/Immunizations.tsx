import { useState } from 'react'
import {
  type Antigen,
  firstDateAtAge,
  IMMUNIZATION_SCHEDULE,
  lastDateAtAge,
} from '../../../domain/immunization'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'

type Dose = { antigen: Antigen; dose: number }

// Doses offered by default: due by the visit date, not past their last age, scheduled in the last 3 months of age
// (the ones a child of this age is usually brought for) — project choice. "Semua imunisasi" shows the catch-up rest.
const RECENT_MONTHS = 3

const doseLabel = (d: Dose) => (d.antigen === 'HB0' ? 'HB0' : `${d.antigen} ${d.dose}`)
const same = (a: Dose, b: Dose) => a.antigen === b.antigen && a.dose === b.dose

/** Vaccine doses given today: checkboxes for the doses due around this age, from the national schedule. */
export function Immunizations(props: {
  birthDate: string
  ageMonths: number
  visitDate: string
  value: readonly Dose[] | undefined
  onChange: (next: Dose[] | undefined) => void
}) {
  const { birthDate, ageMonths, visitDate, value = [], onChange } = props
  const t = useT(visitMessages)
  const [all, setAll] = useState(false)
  const possible = IMMUNIZATION_SCHEDULE.filter((d) => {
    if (firstDateAtAge(birthDate, d.dueFrom) > visitDate) return false
    return !d.latest || lastDateAtAge(birthDate, d.latest) >= visitDate
  })
  const shown = possible.filter(
    (d) =>
      all || value.some((v) => same(v, d)) || (!d.endemicOnly && d.ageMonths >= ageMonths - RECENT_MONTHS),
  )
  const toggle = (d: Dose, on: boolean) => {
    const rest = value.filter((v) => !same(v, d))
    const next = on ? [...rest, { antigen: d.antigen, dose: d.dose }] : rest
    onChange(next.length > 0 ? next : undefined)
  }
  return (
    <fieldset className="field checklist">
      <legend>{t('visit.balita.immunizations')}</legend>
      {shown.length === 0 && <p className="field-hint">{t('visit.balita.noDoseDue')}</p>}
      {shown.map((d) => (
        <label key={doseLabel(d)} className="checkbox">
          <input
            type="checkbox"
            checked={value.some((v) => same(v, d))}
            onChange={(e) => toggle(d, e.target.checked)}
          />
          {doseLabel(d)}
          {d.endemicOnly ? ` (${t('visit.balita.jeEndemic')})` : ''}
        </label>
      ))}
      {!all && possible.length > shown.length && (
        <button type="button" className="button secondary" onClick={() => setAll(true)}>
          {t('visit.balita.allDoses')}
        </button>
      )}
    </fieldset>
  )
}
