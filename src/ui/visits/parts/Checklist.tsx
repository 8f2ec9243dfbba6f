import type { FieldError } from '../../../data/validation'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'

interface ChecklistProps<T extends string> {
  legend: string
  items: readonly T[]
  label: (item: T) => string
  /** The items ticked; undefined = not asked, [] = asked and none present. */
  value: readonly T[] | undefined
  onChange: (value: T[] | undefined) => void
  /** The row that records "asked, none present" (e.g. "Tidak ada tanda bahaya"). */
  noneLabel: string
  error?: FieldError
}

/** A long checklist as big tappable rows, in the order of the form, with an explicit "none" row. */
export function Checklist<T extends string>(props: ChecklistProps<T>) {
  const { legend, items, label, value, onChange, noneLabel, error } = props
  const t = useT(visitMessages)
  const toggle = (item: T, on: boolean) => {
    const rest = (value ?? []).filter((x) => x !== item)
    // Keep the form's order whatever order the rows were tapped in.
    onChange(on ? items.filter((x) => x === item || rest.includes(x)) : rest)
  }
  return (
    <fieldset className={`field checklist${error ? ' field-error' : ''}`}>
      <legend>{legend}</legend>
      {items.map((item) => (
        <label key={item} className="checkbox">
          <input
            type="checkbox"
            checked={value?.includes(item) ?? false}
            onChange={(e) => toggle(item, e.target.checked)}
          />
          {label(item)}
        </label>
      ))}
      <label className="checkbox checklist-none">
        <input
          type="checkbox"
          checked={value !== undefined && value.length === 0}
          onChange={(e) => onChange(e.target.checked ? [] : undefined)}
        />
        {noneLabel}
      </label>
      {error && (
        <p className="field-message" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(error.key, error.params)}
        </p>
      )}
    </fieldset>
  )
}
