import { useCallback, useState } from 'react'
import type { FieldErrors } from '../../data/write'

/**
 * Messages appear at a field once the kader has left it (or tried to save), not while they are still typing it.
 * `validate` returns the messages for the whole form; only touched fields show theirs.
 */
export function useFormErrors(validate: () => { errors: FieldErrors; warnings: FieldErrors }) {
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [all, setAll] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const touch = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), [])
  const { errors, warnings } = validate()
  const visible = (map: FieldErrors): FieldErrors =>
    Object.fromEntries(Object.entries(map).filter(([path]) => all || touched.has(path)))
  return {
    errors: { ...visible(errors), ...serverErrors },
    warnings: visible(warnings),
    hasErrors: Object.keys(errors).length > 0,
    touch,
    showAll: () => setAll(true),
    setServerErrors,
  }
}
