// Whether an address lies in the kader's work area (wilayah kerja kader): the desa, and the dusun, RW and RT when
// the area is narrowed to them. Names compare as the server compares them (server/scope.ts): trimmed, single
// spaces, case-insensitive, RT/RW as numbers — kaders type "Karang Anyar " and "3" for "karang anyar" and "003".

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

const name = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase()
const number = (s: string): string => String(Number.parseInt(s.trim(), 10))

/** The first address field that falls outside the area, or undefined when the address is inside it. */
export function outsideWorkArea(address: AreaAddress, area: AreaBounds): keyof AreaAddress | undefined {
  const fields = ['kabupaten', 'kecamatan', 'desa', 'dusun'] as const
  for (const f of fields) {
    const bound = area[f]
    if (bound !== undefined && bound.trim() !== '' && name(address[f]) !== name(bound)) return f
  }
  for (const f of ['rw', 'rt'] as const) {
    const bound = area[f]
    if (bound !== undefined && number(address[f]) !== number(bound)) return f
  }
  return undefined
}
