import { useId } from 'react'
import type { FieldError } from '../../../data/validation'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'

interface ChoiceProps<T extends string | number | boolean> {
  legend: string
  options: readonly { value: T; label: string }[]
  value: T | undefined
  onChange: (value: T) => void
  error?: FieldError
  /** One option per row: for long labels or more than three options. */
  vertical?: boolean
  hint?: string
}

/** One of a few answers, as big buttons (radio inputs under the hood, so a screen reader reads a group). */
export function Choice<T extends string | number | boolean>(props: ChoiceProps<T>) {
  const { legend, options, value, onChange, error, vertical, hint } = props
  const t = useT(visitMessages)
  const name = useId()
  return (
    <fieldset className={`field${error ? ' field-error' : ''}`}>
      <legend>{legend}</legend>
      <div className={`segmented${vertical ? ' segmented-vertical' : ''}`}>
        {options.map((o) => (
          <label key={String(o.value)} className={value === o.value ? 'selected' : ''}>
            <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {hint && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-message" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(error.key, error.params)}
        </p>
      )}
    </fieldset>
  )
}

/** Ya / Tidak. Unanswered until tapped (undefined = not asked). */
export function YesNo(props: {
  legend: string
  value: boolean | undefined
  onChange: (value: boolean) => void
  error?: FieldError
  /** Other words for true/false, e.g. Benar/Salah. */
  labels?: [yes: string, no: string]
  hint?: string
}) {
  const t = useT(visitMessages)
  const [yes, no] = props.labels ?? [t('visit.yes'), t('visit.no')]
  return (
    <Choice
      legend={props.legend}
      options={[
        { value: true, label: yes },
        { value: false, label: no },
      ]}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      hint={props.hint}
    />
  )
}
