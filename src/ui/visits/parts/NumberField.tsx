import { useState } from 'react'
import type { FieldError } from '../../../data/validation'
import type { Extreme } from '../../../domain/plausibility'
import type { Range } from '../../../protocol/visit-parts'
import { useI18n } from '../../i18n'
import { Field } from '../../shared/Field'
import { visitMessages } from '../messages'
import { ExtremeConfirm } from './ExtremeConfirm'
import { formatDecimal, parseDecimal, sameNumber } from './format'

export interface NumberFieldProps {
  label: string
  /** The hard range: its unit is shown with the field and fills the range message. */
  range: Range
  /** Shown after the number instead of the range's unit (e.g. "tablet"). */
  unitLabel?: string
  value: number | undefined
  onChange: (value: number | undefined) => void
  error?: FieldError
  extremes?: readonly Extreme[]
  confirmed?: boolean
  onConfirm?: (yes: boolean) => void
  hint?: string
}

/**
 * A measurement: a text box with the decimal keypad that takes "12,5" as 12.5. What the kader typed stays as typed
 * ("12," while typing); an entry that is not a number reaches the payload as NaN, which the schema refuses.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, range, value, onChange, extremes = [], confirmed = false, onConfirm, hint } = props
  const { lang } = useI18n(visitMessages)
  const [text, setText] = useState(() => formatDecimal(value, lang))
  const [seen, setSeen] = useState(value)
  // The payload changed from outside (a correction loaded, a reset): show it.
  if (!sameNumber(seen, value)) {
    setSeen(value)
    if (!sameNumber(parseDecimal(text), value)) setText(formatDecimal(value, lang))
  }
  const unit = props.unitLabel ?? range.unit
  const error = withRange(props.error, range, lang)
  return (
    <>
      <Field label={unit ? `${label} (${unit})` : label} error={error} hint={hint}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(e) => {
              const next = parseDecimal(e.target.value)
              setText(e.target.value)
              setSeen(next)
              onChange(next)
            }}
          />
        )}
      </Field>
      {!error && onConfirm && (
        <ExtremeConfirm extremes={extremes} confirmed={confirmed} onConfirm={onConfirm} />
      )}
    </>
  )
}

/** Range messages from the schema carry no parameters through parse(): fill them from the field's range. */
function withRange(error: FieldError | undefined, range: Range, lang: 'id' | 'en'): FieldError | undefined {
  if (!error || error.params || (error.key !== 'err.visit.range' && error.key !== 'err.visit.count'))
    return error
  return {
    key: error.key,
    params: { min: formatDecimal(range.min, lang), max: formatDecimal(range.max, lang), unit: range.unit },
  }
}
