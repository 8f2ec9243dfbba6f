// The service worker's cache of viewed map tiles (sw/sw.ts), named here so that the settings screen can state the
// same limits it enforces. Constants only: the worker imports this file, so it must pull in nothing else.

export const TILE_CACHE_NAME = 'map-tiles-v1'
// Bounded, so that viewed tiles can never crowd out the households: at ~20 KB per OSM tile, ≈ 40 MB at most.
// That covers a desa at street zoom several times over.
export const TILE_CACHE_MAX_ENTRIES = 2_000
// Six weeks: posyandu is monthly, so tiles viewed with a signal at one posyandu are still there at the next, even
// when it slips a week; roads and houses rarely change faster. Older tiles are fetched again when seen online
// (an expired tile is not shown offline: the area map file is the answer for places seen that rarely).
export const TILE_CACHE_MAX_AGE_DAYS = 45
