// Which addresses a work area covers, with the area-name normalisation of src/domain/work-area.ts: kaders type
// "Karang Anyar " and "karang anyar" for the same dusun and "3" for RT 003.
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
