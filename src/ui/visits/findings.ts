// Findings are recomputed from the stored measurements, never stored: a visit reads the same on every phone, and a
// corrected rule or table reaches old visits too.

import type { VisitRow } from '../../data/visits'
import type { ClinicalSettings } from '../../domain/clinical-settings'
import type { Finding } from '../../domain/findings'
import { visitFindings } from '../../domain/visit-findings'
import type { Member } from '../../protocol/records'

/** Each current (not superseded) visit's findings, read against the member's earlier current visits. */
export function findingsByVisit(
  visits: readonly VisitRow[],
  member: Pick<Member, 'birthDate' | 'sex' | 'hpht' | 'deliveryDate'>,
  settings: ClinicalSettings,
): Map<string, Finding[]> {
  // A visit dated before the birth date — left behind when the birth date was corrected — has no age to be read
  // by: it is listed with no findings, and is no one's history.
  const current = visits.filter((v) => !v.supersededBy && v.date >= member.birthDate)
  const result = new Map<string, Finding[]>()
  for (const v of visits) if (!v.supersededBy && v.date < member.birthDate) result.set(v.id, [])
  for (const v of current) {
    const history = current.filter((h) => h.date < v.date || (h.date === v.date && h.createdAt < v.createdAt))
    result.set(v.id, visitFindings(v, member, history, settings))
  }
  return result
}
