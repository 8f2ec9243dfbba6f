// A copy of a member's Buku KIA (schedule/registration.ts): the doses given and the ANC contacts made before the app
// knew the person, each with the date the book gives. Stored as visits with place 'buku_kia' — immutable and synced
// like any visit, so the dose dates are the visit dates the immunisation rules read — and saved in ONE transaction
// (visits.ts saveVisits): one visit per dose date, one for the ANC contacts (they carry their own dates).
import type { Antigen } from '../domain/immunization'
import type { Visit } from '../protocol/visits'
import { saveVisits } from './visits'
import type { WriteResult } from './write'

export interface BukuKiaCopy {
  doses: readonly { antigen: Antigen; dose: number; date: string }[]
  /** ANC contacts of the current pregnancy, as dates. */
  ancDates: readonly string[]
  /** What the copy is for: a child's doses, a pregnancy's contacts, or both (a pregnant mother of a baby is two). */
  parts: readonly ('balita' | 'ibu_hamil')[]
}

/** The visits a copy is stored as. An empty book still says "copied": one visit with nothing in it, dated today. */
export function bukuKiaVisits(memberId: string, copy: BukuKiaCopy, today: string) {
  const byDate = new Map<string, { antigen: Antigen; dose: number }[]>()
  for (const d of copy.doses)
    byDate.set(d.date, [...(byDate.get(d.date) ?? []), { antigen: d.antigen, dose: d.dose }])
  const visit = (date: string, parts: object) => ({ memberId, date, place: 'buku_kia' as const, parts })
  const visits = [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, immunizations]) => visit(date, { balita: { immunizations } }))
  if (copy.parts.includes('ibu_hamil'))
    visits.push(visit(today, { ibu_hamil: { ancContacts: copy.ancDates.map((date) => ({ date })) } }))
  if (visits.length === 0 && copy.parts.includes('balita'))
    visits.push(visit(today, { balita: { immunizations: [] } }))
  return visits
}

/**
 * Saves the copy. `saveIds`: ids made when the form opened, one per visit it may save (at least as many as
 * bukuKiaVisits gives): a repeated Simpan stores each visit once. `draftId`: the form's draft, deleted with it.
 */
export function saveBukuKiaCopy(
  memberId: string,
  copy: BukuKiaCopy,
  opts: { now: Date; today: string; saveIds: readonly string[]; draftId?: string },
): Promise<WriteResult<Visit>[]> {
  const inputs = bukuKiaVisits(memberId, copy, opts.today)
  return saveVisits(inputs, {
    now: opts.now,
    today: opts.today,
    saveIds: inputs.map((_, i) => opts.saveIds[i]),
    draftIds: inputs.map(() => opts.draftId),
  })
}
