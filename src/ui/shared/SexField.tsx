import type { FieldError } from '../../data/write'
import { useT } from '../i18n'

/** Perempuan / Laki-laki as two large choices, with the field's error under them (member form, walk-in). */
export function SexField({
  value,
  error,
  onChange,
  onBlur,
}: {
  value: 'L' | 'P' | '' | undefined
  error?: FieldError | undefined
  onChange: (sex: 'L' | 'P') => void
  onBlur?: () => void
}) {
  const t = useT()
  return (
    <fieldset className={`field${error ? ' field-error' : ''}`}>
      <legend>{t('member.sex')}</legend>
      <div className="segmented">
        {(['P', 'L'] as const).map((s) => (
          <label key={s} className={value === s ? 'selected' : ''}>
            <input
              type="radio"
              name="sex"
              aria-invalid={Boolean(error)}
              value={s}
              checked={value === s}
              onChange={() => onChange(s)}
              onBlur={onBlur}
            />
            {t(`sex.${s}`)}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-message" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(error.key, error.params)}
        </p>
      )}
    </fieldset>
  )
}
