// Which addresses a work area covers. Names are compared normalised — trimmed, single spaces, lower case, RT/RW
// zero-padded — because kaders type "Karang Anyar " and "karang anyar" for the same dusun and "3" for RT 003.
import { type Address, padRtRw } from '../src/protocol/records'
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

export const normName = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase()
const normNumber = (s: string): string => padRtRw(s.trim())

export function areaOfWorkArea(w: WorkAreaInfo): AreaKey {
  return {
    kabupaten: normName(w.kabupaten),
    kecamatan: normName(w.kecamatan),
    desa: normName(w.desa),
    dusun: w.dusun === undefined ? undefined : normName(w.dusun),
    rw: w.rw === undefined ? undefined : normNumber(w.rw),
    rt: w.rt === undefined ? undefined : normNumber(w.rt),
  }
}

/** The normalised location of a household's address, stored next to the record for scoped pulls. */
export function areaOfAddress(a: Address): Required<{ [K in keyof AreaKey]: string }> {
  return {
    kabupaten: normName(a.kabupaten),
    kecamatan: normName(a.kecamatan),
    desa: normName(a.desa),
    dusun: normName(a.dusun),
    rw: normNumber(a.rw),
    rt: normNumber(a.rt),
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
