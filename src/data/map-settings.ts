// The household map's device-local settings, in the meta table (db.ts), never synced:
//   'mapTiles'       — the tile server: a URL template ({z}/{x}/{y}, optional {s}) and its attribution. Default:
//                      OpenStreetMap's standard tiles. Tiles the kader has viewed are cached by the service worker
//                      (sw/sw.ts, bounded and expiring); nothing here ever downloads tiles in bulk.
//   'offlineAreaMap' — an optional raster PMTiles extract of the work area that the puskesmas prepared, kept as
//                      the Blob the kader picked (IndexedDB stores it on disk; tiles are read by byte ranges, so the
//                      file is never loaded into memory whole). It draws the map where the kader never was online.
import { useLiveQuery } from 'dexie-react-hooks'
import * as z from 'zod/mini'
import { errorKey, isErrorKey } from '../protocol/error-messages'
import { reportInvalidRow } from './data-issues'
import { getDb, guardQuota } from './db'
import type { FieldErrors } from './validation'

const TILES_KEY = 'mapTiles'
const AREA_KEY = 'offlineAreaMap'

export interface MapTileSettings {
  /** Leaflet URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  urlTemplate: string
  /** HTML shown in the map corner, as the tile provider's licence requires. */
  attribution: string
}

export const OSM_TILES: MapTileSettings = {
  urlTemplate: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
}

// http is allowed for a tile server on the local network (a puskesmas laptop) and for tests on 127.0.0.1.
const urlTemplate = z.string().check(
  z.trim(),
  z.regex(/^https?:\/\/[^/\s]+\/\S*$/, errorKey('err.map.url')),
  z.refine((s) => ['{z}', '{x}', '{y}'].every((p) => s.includes(p)), errorKey('err.map.template')),
  z.maxLength(500, errorKey('err.tooLong')),
)

export const mapTileSettings = z.object({
  urlTemplate,
  attribution: z.string().check(z.trim(), z.maxLength(500, errorKey('err.tooLong'))),
})

export async function getMapTileSettings(): Promise<MapTileSettings> {
  const row = await getDb().meta.get(TILES_KEY)
  if (row === undefined) return OSM_TILES
  const parsed = mapTileSettings.safeParse(row.value)
  if (parsed.success) return parsed.data
  reportInvalidRow(
    'meta',
    TILES_KEY,
    parsed.error.issues.map((i) => i.path.join('.')),
  )
  return OSM_TILES
}

/** Saves a usable template; otherwise reports, per field, an error key (err.map.*) and saves nothing. */
export async function saveMapTileSettings(
  settings: MapTileSettings,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const parsed = mapTileSettings.safeParse(settings)
  if (!parsed.success) {
    const errors: FieldErrors = {}
    for (const issue of parsed.error.issues)
      errors[issue.path.join('.')] ??= { key: isErrorKey(issue.message) ? issue.message : 'err.invalid' }
    return { ok: false, errors }
  }
  await guardQuota(() => getDb().meta.put({ key: TILES_KEY, value: parsed.data }))
  return { ok: true }
}

export interface OfflineAreaMap {
  /** The file name as the kader picked it. */
  name: string
  size: number
  savedAt: string
  file: Blob
}

function isOfflineAreaMap(v: unknown): v is OfflineAreaMap {
  const o = v as Partial<OfflineAreaMap> | null
  return (
    typeof o?.name === 'string' &&
    typeof o.size === 'number' &&
    typeof o.savedAt === 'string' &&
    o.file instanceof Blob
  )
}

export async function getOfflineAreaMap(): Promise<OfflineAreaMap | undefined> {
  const row = await getDb().meta.get(AREA_KEY)
  if (row === undefined) return undefined
  if (isOfflineAreaMap(row.value)) return row.value
  reportInvalidRow('meta', AREA_KEY, ['file'])
  return undefined
}

/** Replaces the previous area map. A full disk rejects with StorageError('storage-full'). */
export async function saveOfflineAreaMap(file: Blob, name: string, now = new Date()): Promise<void> {
  const value: OfflineAreaMap = { name, size: file.size, savedAt: now.toISOString(), file }
  await guardQuota(() => getDb().meta.put({ key: AREA_KEY, value }))
}

export async function removeOfflineAreaMap(): Promise<void> {
  await getDb().meta.delete(AREA_KEY)
}

export function useMapTileSettings(): MapTileSettings | undefined {
  return useLiveQuery(getMapTileSettings)
}

/** null: no area map loaded; undefined: still loading. */
export function useOfflineAreaMap(): OfflineAreaMap | null | undefined {
  return useLiveQuery(async () => (await getOfflineAreaMap()) ?? null)
}
