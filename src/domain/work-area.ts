// Whether an address lies in the kader's work area (wilayah kerja kader): the desa, and the dusun, RW and RT when
// the area is narrowed to them. The one normalisation of area names, shared with the server (server/scope.ts):
// trimmed, single spaces, case-insensitive, RT/RW zero-padded — kaders type "Karang Anyar " and "3" for
// "karang anyar" and "003".

export interface AreaAddress {
  kabupaten: string
  kecamatan: string
  desa: string
  dusun: string
  rw: string
  rt: string
}

export interface AreaBounds {
  kabupaten: string
  kecamatan: string
  desa: string
  dusun?: string
  rw?: string
  rt?: string
}

/** A place name as compared: trimmed, single spaces, lower case. */
export const areaName = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase()
/** An RT or RW as compared: "3", "03" and "003" are the same RT. */
export const areaNumber = (s: string): string => {
  const t = s.trim()
  return /^\d{1,2}$/.test(t) ? t.padStart(3, '0') : t
}

/** The first address field that falls outside the area, or undefined when the address is inside it. */
export function outsideWorkArea(address: AreaAddress, area: AreaBounds): keyof AreaAddress | undefined {
  const fields = ['kabupaten', 'kecamatan', 'desa', 'dusun'] as const
  for (const f of fields) {
    const bound = area[f]
    if (bound !== undefined && bound.trim() !== '' && areaName(address[f]) !== areaName(bound)) return f
  }
  for (const f of ['rw', 'rt'] as const) {
    const bound = area[f]
    if (bound !== undefined && areaNumber(address[f]) !== areaNumber(bound)) return f
  }
  return undefined
}
