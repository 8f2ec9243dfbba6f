// What a household marker says, without Leaflet: its most urgent task status, shown by colour AND by shape and
// glyph (a kader with colour-blindness, or a phone screen in the sun, must still tell them apart), and which
// households can be placed on the map at all.
import type { HouseholdRow } from '../../data/household-rows'
import type { Household } from '../../protocol/records'
import type { MapKey } from './messages'

export type HouseholdStatus = 'overdue' | 'due' | 'done' | 'none'
/** The schedule engine's task states (src/domain/schedule). */
export type TaskState = 'upcoming' | 'due' | 'overdue' | 'done' | 'expired'
export type StatusOf = (householdId: string) => HouseholdStatus

/** Most urgent first: the legend's order, and the order markers stack in (the urgent one on top). */
export const STATUSES: readonly HouseholdStatus[] = ['overdue', 'due', 'done', 'none']

export const noStatus: StatusOf = () => 'none'

export interface MarkerStyle {
  shape: 'diamond' | 'square' | 'circle' | 'ring'
  /** Read out nowhere (the label is): it is the non-colour cue on the marker itself. */
  glyph: string
  /** Dictionary key of the status's name. */
  label: MapKey
}

export const MARKER_STYLE: Record<HouseholdStatus, MarkerStyle> = {
  overdue: { shape: 'diamond', glyph: '!!', label: 'map.status.overdue' },
  due: { shape: 'square', glyph: '!', label: 'map.status.due' },
  done: { shape: 'circle', glyph: '✓', label: 'map.status.done' },
  none: { shape: 'ring', glyph: '', label: 'map.status.none' },
}

/**
 * A household's status from its members' tasks: any overdue task makes it 'overdue', else any due task 'due',
 * else any done task 'done'. Upcoming tasks (nothing to do yet) and expired ones (the window has closed, nothing
 * left to do) do not colour the marker.
 */
export function mostUrgentStatus(states: Iterable<TaskState>): HouseholdStatus {
  let best: HouseholdStatus = 'none'
  for (const s of states) {
    if (s === 'overdue') return 'overdue'
    if (s === 'due') best = 'due'
    else if (s === 'done' && best === 'none') best = 'done'
  }
  return best
}

/** The marker's inner HTML (Leaflet divIcon). Only fixed strings go in: no household data. */
export function markerHtml(status: HouseholdStatus): string {
  const { shape, glyph } = MARKER_STYLE[status]
  return `<span class="hh-marker hh-${status} hh-${shape}" aria-hidden="true"><span class="hh-glyph">${glyph}</span></span>`
}

export interface LocatedHousehold {
  household: Household
  lat: number
  lng: number
}

/** Households with a GPS point go on the map; the others are listed under it. Deleted ones never show. */
export function splitByLocation(rows: readonly Pick<HouseholdRow, 'household'>[]): {
  located: LocatedHousehold[]
  unlocated: Household[]
} {
  const located: LocatedHousehold[] = []
  const unlocated: Household[] = []
  for (const { household } of rows) {
    if (household.deleted) continue
    const p = household.location
    if (p && Number.isFinite(p.lat) && Number.isFinite(p.lng))
      located.push({ household, lat: p.lat, lng: p.lng })
    else unlocated.push(household)
  }
  return { located, unlocated }
}

/** How many located households have each status, for the legend. */
export function countByStatus(
  located: readonly LocatedHousehold[],
  statusOf: StatusOf,
): Record<HouseholdStatus, number> {
  const counts: Record<HouseholdStatus, number> = { overdue: 0, due: 0, done: 0, none: 0 }
  for (const { household } of located) counts[statusOf(household.id)] += 1
  return counts
}

/** Metres of ground per CSS pixel at a latitude and zoom (Web Mercator, 256-px tiles). */
export function metresPerPixel(lat: number, zoom: number): number {
  const EARTH_CIRCUMFERENCE_M = 40_075_016.686
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / 2 ** (zoom + 8)
}

// A fingertip covers about this many CSS pixels: a point picked on the map is no more precise than that.
const FINGERTIP_PX = 20

/** The accuracy to record for a point picked by hand on the map at this zoom. */
export function pickAccuracyM(lat: number, zoom: number): number {
  return Math.max(1, Math.round(metresPerPixel(lat, zoom) * FINGERTIP_PX))
}
