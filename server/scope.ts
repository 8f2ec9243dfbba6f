// Which addresses a work area covers, with the area-name normalisation of src/domain/work-area.ts: kaders type
// "Karang Anyar " and "karang anyar" for the same dusun and "3" for RT 003.
import { createHash } from 'node:crypto'
import { type AreaAddress, areaName, areaNumber } from '../src/domain/work-area'
import type { WorkAreaInfo } from '../src/protocol/wire'

/** The address parts a work area can narrow by, normalised; undefined = every value. */
export interface AreaKey {
  kabupaten: string
  kecamatan: string
  desa: string
  dusun: string | undefined
  rw: string | undefined
  rt: string | undefined
}

/** Where a household is, normalised: stored next to the record for scoped pulls. */
export type Place = Required<{ [K in keyof AreaKey]: string }>

const optional = (s: string | undefined, norm: (s: string) => string) =>
  s === undefined ? undefined : norm(s)

export function areaOfWorkArea(w: WorkAreaInfo): AreaKey {
  return {
    kabupaten: areaName(w.kabupaten),
    kecamatan: areaName(w.kecamatan),
    desa: areaName(w.desa),
    dusun: optional(w.dusun, areaName),
    rw: optional(w.rw, areaNumber),
    rt: optional(w.rt, areaNumber),
  }
}

export function areaOfAddress(a: AreaAddress): Place {
  return {
    kabupaten: areaName(a.kabupaten),
    kecamatan: areaName(a.kecamatan),
    desa: areaName(a.desa),
    dusun: areaName(a.dusun),
    rw: areaNumber(a.rw),
    rt: areaNumber(a.rt),
  }
}

type Located = { [K in keyof AreaKey]: string | null | undefined }

export function covers(area: AreaKey, place: Located): boolean {
  return (
    place.kabupaten === area.kabupaten &&
    place.kecamatan === area.kecamatan &&
    place.desa === area.desa &&
    (area.dusun === undefined || place.dusun === area.dusun) &&
    (area.rw === undefined || place.rw === area.rw) &&
    (area.rt === undefined || place.rt === area.rt)
  )
}

/** Names → desa key, as desaKey computed them. */
const desaKeys = new Map<string, string>()

/**
 * The key of a normalised place's desa: its change sequence, its pull cursor and the distribution column for Citus
 * (docs/scaling.md). The first 16 hex digits of the md5 of the kabupaten, kecamatan and desa names — migration 007
 * computes the same in SQL; a Kemendagri desa code would serve as well once work areas carry one.
 */
export function desaKey(p: Pick<AreaKey, 'kabupaten' | 'kecamatan' | 'desa'>): string {
  const names = `${p.kabupaten}\n${p.kecamatan}\n${p.desa}`
  let key = desaKeys.get(names)
  if (key === undefined) {
    // A hash per household of a push cost more than the rest of placing it: the names' keys are kept, a few
    // thousand desas' at most (a process's work areas); past that the map starts over.
    if (desaKeys.size >= 10_000) desaKeys.clear()
    key = createHash('md5').update(names).digest('hex').slice(0, 16)
    desaKeys.set(names, key)
  }
  return key
}

/** The areas a session may read and write: a kader's one work area (supervisors' lists come with their roles). */
export const sessionAreas = (session: { workArea: WorkAreaInfo }): AreaKey[] => [
  areaOfWorkArea(session.workArea),
]

/** The desas of some areas, each once, sorted: the order a push locks their sequences in (no deadlock). */
export const desasOf = (areas: readonly AreaKey[]): string[] => [...new Set(areas.map(desaKey))].sort()

export const coveredByAny = (areas: readonly AreaKey[], place: Located): boolean =>
  areas.some((a) => covers(a, place))
