// Read and write a field of a part's payload by its dotted path ('weightKg', 'puma.cigarettesPerDay'), immutably.
// An undefined value removes the key, and a nested object left empty is removed too, so "not asked" stays absent.

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export function getAt(value: unknown, path: string): unknown {
  let v = value
  for (const key of path.split('.')) v = isObj(v) ? v[key] : undefined
  return v
}

export function setAt<T extends object>(value: T, path: string, next: unknown): T {
  return (setIn(value as Obj, path.split('.'), next) ?? {}) as T
}

function setIn(obj: Obj | undefined, keys: string[], next: unknown): Obj | undefined {
  const [key, ...rest] = keys
  if (key === undefined) return obj
  const child =
    rest.length === 0 ? next : setIn(isObj(obj?.[key]) ? (obj?.[key] as Obj) : undefined, rest, next)
  const out: Obj = { ...obj }
  if (child === undefined) delete out[key]
  else out[key] = child
  return Object.keys(out).length > 0 ? out : undefined
}
