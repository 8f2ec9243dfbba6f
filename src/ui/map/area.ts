// The offline area map: a raster PMTiles extract the puskesmas prepared, read straight from the Blob kept in
// IndexedDB (src/data/map-settings.ts). PMTiles asks for byte ranges, so a 50 MB file is never in memory whole.
// No Leaflet here: the settings form checks a file with this module alone.
import { PMTiles, type RangeResponse, type Source, TileType } from 'pmtiles'
import type { MapKey } from './messages'

export type AreaMapErrorReason = 'not-pmtiles' | 'vector'

/** A file the app cannot draw; the message key is `map.err.${reason}` (camel-cased: notPmtiles, vector). */
export class AreaMapError extends Error {
  override readonly name = 'AreaMapError'
  constructor(
    readonly reason: AreaMapErrorReason,
    options?: ErrorOptions,
  ) {
    super(`Area map error: ${reason}`, options)
  }
}

export const AREA_ERROR_KEY: Record<AreaMapErrorReason, MapKey> = {
  'not-pmtiles': 'map.err.notPmtiles',
  vector: 'map.err.vector',
}

class BlobSource implements Source {
  constructor(
    private readonly blob: Blob,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() }
  }
}

const RASTER_MIME: Partial<Record<TileType, string>> = {
  [TileType.Png]: 'image/png',
  [TileType.Jpeg]: 'image/jpeg',
  [TileType.Webp]: 'image/webp',
  [TileType.Avif]: 'image/avif',
}

export interface AreaMap {
  archive: PMTiles
  mime: string
  minZoom: number
  maxZoom: number
  /** [[south, west], [north, east]] */
  bounds: [[number, number], [number, number]]
  center: { lat: number; lng: number; zoom: number }
  attribution?: string
}

/** Opens and checks an area map file; rejects with AreaMapError when it is not a raster PMTiles archive. */
export async function openAreaMap(file: Blob, key: string): Promise<AreaMap> {
  const archive = new PMTiles(new BlobSource(file, key))
  let header: Awaited<ReturnType<PMTiles['getHeader']>>
  try {
    header = await archive.getHeader()
  } catch (error) {
    throw new AreaMapError('not-pmtiles', { cause: error })
  }
  const mime = RASTER_MIME[header.tileType]
  if (mime === undefined) throw new AreaMapError('vector')
  let attribution: string | undefined
  try {
    const meta = (await archive.getMetadata()) as { attribution?: unknown } | null
    if (typeof meta?.attribution === 'string') attribution = meta.attribution
  } catch {
    // Metadata is optional in PMTiles; the puskesmas's file may have none.
  }
  return {
    archive,
    mime,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [
      [header.minLat, header.minLon],
      [header.maxLat, header.maxLon],
    ],
    center: { lat: header.centerLat, lng: header.centerLon, zoom: header.centerZoom },
    attribution,
  }
}
