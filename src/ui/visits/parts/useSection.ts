import { useMemo } from 'react'
import { type Age, ageOn } from '../../../domain/age'
import { extremeValues, type PartPayloads } from '../../../domain/plausibility'
import type { ScreeningPart } from '../../../domain/screening'
import type { Range } from '../../../protocol/visit-parts'
import type { NumberFieldProps } from './NumberField'
import { getAt, setAt } from './path'
import type { PartSectionProps } from './types'

/** The member's age at the visit, or undefined for a visit date before the birth. */
export function ageAt(birthDate: string, visitDate: string): Age | undefined {
  try {
    return ageOn(birthDate, visitDate)
  } catch {
    return undefined
  }
}

/**
 * What every section needs: read/write a field by path, the props of a measurement (error, extremes, confirmation)
 * and of a yes/no. Changing a field withdraws its confirmation: the new value has not been confirmed.
 */
export function useSection<P extends object>(part: ScreeningPart, props: PartSectionProps<P>) {
  const { value, onChange, member, visitDate, errors, confirmed, onConfirm } = props
  const { birthDate, sex, hpht } = member
  const extremes = useMemo(
    () => extremeValues(part, value as PartPayloads[typeof part], { birthDate, sex, hpht }, visitDate),
    [part, value, birthDate, sex, hpht, visitDate],
  )
  const get = (path: string): unknown => getAt(value, path)
  /** Sets several fields at once (paths → values; undefined removes). */
  const patch = (fields: Record<string, unknown>) => {
    let next = value
    for (const [path, v] of Object.entries(fields)) next = setAt(next, path, v)
    onChange(next)
    for (const path of Object.keys(fields)) if (confirmed.has(path)) onConfirm(path, false)
  }
  const set = (path: string, next: unknown) => patch({ [path]: next })
  const number = (path: string, label: string, range: Range): NumberFieldProps => ({
    label,
    range,
    value: get(path) as number | undefined,
    onChange: (n) => set(path, n),
    error: errors[path],
    extremes: extremes.filter((x) => x.field === path),
    confirmed: confirmed.has(path),
    onConfirm: (yes) => onConfirm(path, yes),
  })
  const yesNo = (path: string, legend: string) => ({
    legend,
    value: get(path) as boolean | undefined,
    onChange: (b: boolean) => set(path, b),
    error: errors[path],
  })
  return { get, set, patch, number, yesNo, errors, age: ageAt(birthDate, visitDate) }
}
