import type { FieldErrors } from '../../../data/validation'
import type { ContactVisit } from '../../../domain/screening'
import { DateRow } from './DateRow'

/**
 * KN or KF contacts done so far: one row per contact with its date (from the Buku KIA) and "Hari ini" for a contact
 * made at this visit. Stored in contact order, so errors keyed '<path>.<i>.date' land on their row.
 */
export function ContactDates<C extends string>(props: {
  contacts: readonly C[]
  label: (contact: C) => string
  value: readonly ContactVisit<C>[] | undefined
  onChange: (next: ContactVisit<C>[] | undefined) => void
  visitDate: string
  errors: FieldErrors
  path: string
}) {
  const { contacts, label, value = [], onChange, visitDate, errors, path } = props
  const set = (contact: C, date: string | undefined) => {
    const next = contacts.flatMap((c): ContactVisit<C>[] => {
      if (c === contact) return date ? [{ contact: c, date }] : []
      const old = value.find((v) => v.contact === c)
      return old ? [old] : []
    })
    onChange(next.length > 0 ? next : undefined)
  }
  const ordered = contacts.filter((c) => value.some((v) => v.contact === c))
  return (
    <>
      {contacts.map((c) => (
        <DateRow
          key={c}
          label={label(c)}
          value={value.find((v) => v.contact === c)?.date}
          onChange={(date) => set(c, date)}
          visitDate={visitDate}
          error={errors[`${path}.${ordered.indexOf(c)}.date`]}
        />
      ))}
    </>
  )
}
