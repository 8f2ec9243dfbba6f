import { type InputHTMLAttributes, type ReactNode, useId } from 'react'
import type { FieldError } from '../../data/write'
import { useT } from '../i18n'

interface FieldProps {
  label: string
  error?: FieldError
  warning?: FieldError
  hint?: string
  children: (props: {
    id: string
    'aria-invalid': boolean
    'aria-describedby': string | undefined
  }) => ReactNode
}

/** A labelled control with its message right under it: errors in red with ⚠, warnings in amber with ℹ. */
export function Field({ label, error, warning, hint, children }: FieldProps) {
  const t = useT()
  const id = useId()
  const messageId = `${id}-msg`
  const hintId = `${id}-hint`
  const describedBy =
    [error || warning ? messageId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field-error' : warning ? ' field-warning' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error ? (
        <p id={messageId} className="field-message" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(error.key, error.params)}
        </p>
      ) : warning ? (
        <p id={messageId} className="field-message">
          <span aria-hidden="true">ℹ </span>
          {t(warning.key, warning.params)}
        </p>
      ) : null}
    </div>
  )
}

type TextFieldProps = Omit<FieldProps, 'children'> & {
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'id'>

export function TextField({
  label,
  error,
  warning,
  hint,
  value,
  onChange,
  onBlur,
  ...input
}: TextFieldProps) {
  return (
    <Field label={label} error={error} warning={warning} hint={hint}>
      {(aria) => (
        <input
          {...input}
          {...aria}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
      )}
    </Field>
  )
}
