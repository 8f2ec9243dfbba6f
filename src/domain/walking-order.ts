// The order to walk to households in: always the nearest not yet visited next (greedy nearest neighbour), from
// where the kader stands. Not the shortest round trip, but good on village paths and instant for hundreds of
// houses; it is a suggestion the kader can ignore.

export interface Point {
  lat: number
  lng: number
}

const EARTH_RADIUS_M = 6_371_000

/** Great-circle distance in metres (haversine). */
export function distanceM(a: Point, b: Point): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Ids in walking order from `start` (or from the first place when there is no start). */
export function walkingOrder<T extends { id: string; point: Point }>(
  places: readonly T[],
  start?: Point,
): T[] {
  const left = [...places]
  const order: T[] = []
  let here = start ?? left[0]?.point
  while (left.length > 0 && here) {
    let best = 0
    for (let i = 1; i < left.length; i++) {
      if (distanceM(here, (left[i] as T).point) < distanceM(here, (left[best] as T).point)) best = i
    }
    const [next] = left.splice(best, 1) as [T]
    order.push(next)
    here = next.point
  }
  return order
}
