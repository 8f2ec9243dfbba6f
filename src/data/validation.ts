// Input validation shared by every write: zod/mini parsing into per-field message keys, and the tidying that makes
// a blank optional field absent and a blank required one missing.
import type * as z from 'zod/mini'
import { type ErrorKey, isErrorKey } from '../protocol/error-messages'

export interface FieldError {
  key: ErrorKey
  params?: Record<string, string>
}
/** Keyed by the field's path: 'headName', 'address.rt', 'nik', … */
export type FieldErrors = Record<string, FieldError>
/** `value` (the normalised input) is present exactly when there are no errors. */
export interface Validation<T> {
  value?: T
  errors: FieldErrors
  warnings: FieldErrors
}

export interface Parsed<T> {
  /** The input after tidy(): what the domain checks look at, even when the schema refused it. */
  input: Record<string, unknown>
  data?: T
  errors: FieldErrors
  warnings: FieldErrors
}

export function parse<T>(schema: z.ZodMiniType<T>, raw: unknown): Parsed<T> {
  const tidied = tidy(raw)
  const input = isPlainObject(tidied) ? tidied : {}
  // Schema messages are error keys (errorKey()); a value of the wrong type has no message of its own.
  const result = schema.safeParse(tidied, { error: () => 'err.invalid' })
  const errors: FieldErrors = {}
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.join('.')
    // A missing value reads "Wajib diisi", except a choice (sex, relation), whose own message says what to pick.
    const missing = valueAt(tidied, issue.path) === undefined && issue.code === 'invalid_type'
    add(errors, path, missing ? 'err.required' : isErrorKey(issue.message) ? issue.message : 'err.invalid')
  }
  return { input, data: result.data, errors, warnings: {} }
}

export function settle<T>(parsed: Parsed<T>, normalise: (value: T) => T): Validation<T> {
  const { data, errors, warnings } = parsed
  return data !== undefined && Object.keys(errors).length === 0
    ? { value: normalise(data), errors, warnings }
    : { errors, warnings }
}

/** Trims every string and drops empty ones, so a blank optional field is absent and a blank required one missing. */
function tidy(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const t = tidy(v)
    if (t !== undefined) out[k] = t
  }
  return out
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value
  for (const k of path) v = isPlainObject(v) ? v[k as string] : undefined
  return v
}

export function field(input: Record<string, unknown>, name: string): string | undefined {
  const v = input[name]
  return typeof v === 'string' ? v : undefined
}

/** The first message for a path wins: the schema's format message comes before the domain's finer checks. */
export function add(into: FieldErrors, path: string, key: ErrorKey, params?: Record<string, string>): void {
  into[path] ??= params && Object.keys(params).length > 0 ? { key, params } : { key }
}
