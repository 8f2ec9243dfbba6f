import type { FieldErrors } from '../../../data/validation'
import type { AncContact } from '../../../domain/screening'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { DateRow } from './DateRow'

/** Every ANC contact of this pregnancy (from the Buku KIA), newest last; "add today's contact" in one tap. */
export function AncContacts(props: {
  value: readonly AncContact[] | undefined
  onChange: (next: AncContact[] | undefined) => void
  visitDate: string
  errors: FieldErrors
}) {
  const t = useT(visitMessages)
  const { value = [], onChange, visitDate, errors } = props
  const update = (i: number, contact: AncContact | undefined) => {
    const next = value.flatMap((c, j) => (j !== i ? [c] : contact ? [contact] : []))
    onChange(next.length > 0 ? next : undefined)
  }
  const hasToday = value.some((c) => c.date === visitDate)
  return (
    <>
      {value.length === 0 && <p className="field-hint">{t('visit.ibuHamil.ancNone')}</p>}
      {value.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional ("Kunjungan ANC ke-n")
        <div key={i} className="anc-contact">
          <DateRow
            label={t('visit.ibuHamil.ancN', { n: i + 1 })}
            value={c.date || undefined}
            onChange={(date) => update(i, { ...c, date: date ?? '' })}
            visitDate={visitDate}
            error={errors[`ancContacts.${i}.date`]}
          >
            <button type="button" className="button danger" onClick={() => update(i, undefined)}>
              {t('visit.remove')}
            </button>
          </DateRow>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={c.byDoctor ?? false}
              onChange={(e) => update(i, { ...c, byDoctor: e.target.checked || undefined })}
            />
            {t('visit.ibuHamil.byDoctor')}
          </label>
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={hasToday}
          onClick={() => onChange([...value, { date: visitDate }])}
        >
          {t('visit.ibuHamil.ancAddToday')}
        </button>
        <button type="button" className="button secondary" onClick={() => onChange([...value, { date: '' }])}>
          {t('visit.ibuHamil.ancAddOther')}
        </button>
      </div>
    </>
  )
}
