// What is asked once per visit however many form parts could ask it: one blood pressure (a pregnant woman's reading
// is read against the pregnancy cut-offs, clinical-rules.md §2.2, and gave two referral lines when asked in the
// dewasa part too) and one newborn danger-sign list (the neonatus list covers the first 28 days; the balita list
// overlapped it).
import type { ScreeningPart } from '../../domain/screening'

export type SharedItem = 'bp' | 'dangerSigns'

const BP_PARTS: readonly ScreeningPart[] = ['ibu_hamil', 'remaja', 'dewasa', 'lansia']
const FIELDS: Record<SharedItem, readonly string[]> = {
  bp: ['systolicMmHg', 'diastolicMmHg'],
  dangerSigns: ['dangerSigns'],
}

/** For each of `parts`, the shared items another part of the same visit asks instead. */
export function askedElsewhere(parts: readonly ScreeningPart[]): Map<ScreeningPart, Set<SharedItem>> {
  const omitted = new Map<ScreeningPart, Set<SharedItem>>(parts.map((p) => [p, new Set()]))
  // The pregnancy part owns the BP when present; otherwise the stage's own part.
  const bpOwner = BP_PARTS.find((p) => parts.includes(p))
  for (const p of parts) if (p !== bpOwner && BP_PARTS.includes(p)) omitted.get(p)?.add('bp')
  if (parts.includes('neonatus')) omitted.get('balita')?.add('dangerSigns')
  return omitted
}

/** The parts' payloads without what askedElsewhere says another part asks (e.g. from an older visit corrected). */
export function withoutAskedElsewhere<P extends Record<string, Record<string, unknown>>>(
  payloads: P,
  parts: readonly ScreeningPart[],
): P {
  const omitted = askedElsewhere(parts)
  const out: Record<string, Record<string, unknown>> = {}
  for (const [part, payload] of Object.entries(payloads)) {
    const drop = new Set([...(omitted.get(part as ScreeningPart) ?? [])].flatMap((item) => FIELDS[item]))
    const kept = Object.entries(payload).filter(([field]) => !drop.has(field))
    if (kept.length > 0) out[part] = Object.fromEntries(kept)
  }
  return out as P
}
