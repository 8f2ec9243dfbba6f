import type { ReactNode } from 'react'
import type { FieldError } from '../../../data/validation'
import { useT } from '../../i18n'
import { Field } from '../../shared/Field'
import { visitMessages } from '../messages'

/** A date (from the Buku KIA) with a one-tap "Hari ini" for the visit date. Empty = not done. */
export function DateRow(props: {
  label: string
  value: string | undefined
  onChange: (date: string | undefined) => void
  visitDate: string
  error?: FieldError
  children?: ReactNode
}) {
  const t = useT(visitMessages)
  const { label, value, onChange, visitDate, error, children } = props
  return (
    <Field label={label} error={error}>
      {(aria) => (
        <div className="date-row">
          <input
            {...aria}
            type="date"
            max={visitDate}
            value={value ?? ''}
            onChange={(e) => onChange(e.target.value || undefined)}
          />
          <button
            type="button"
            className="button secondary"
            disabled={value === visitDate}
            onClick={() => onChange(visitDate)}
          >
            {t('visit.today')}
          </button>
          {children}
        </div>
      )}
    </Field>
  )
}
