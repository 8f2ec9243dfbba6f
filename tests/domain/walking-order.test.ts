import { describe, expect, it } from 'vitest'
import { distanceM, walkingOrder } from '../../src/domain/walking-order'

describe('distanceM', () => {
  it('measures about 111 km per degree of latitude', () => {
    expect(Math.round(distanceM({ lat: 0, lng: 110 }, { lat: 1, lng: 110 }) / 1000)).toBe(111)
    expect(distanceM({ lat: -7.1, lng: 110.4 }, { lat: -7.1, lng: 110.4 })).toBe(0)
  })
})

describe('walkingOrder', () => {
  // Four houses along a road running east, about 110 m apart.
  const house = (id: string, lng: number) => ({ id, point: { lat: -7.2, lng } })
  const road = [house('c', 110.402), house('a', 110.4), house('d', 110.403), house('b', 110.401)]

  it('walks to the nearest house next, from where the kader stands', () => {
    expect(walkingOrder(road, { lat: -7.2, lng: 110.3995 }).map((h) => h.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(walkingOrder(road, { lat: -7.2, lng: 110.4035 }).map((h) => h.id)).toEqual(['d', 'c', 'b', 'a'])
  })

  it('starts from the first house when the position is unknown', () => {
    // From c, d and b are equally near: the one listed first wins the tie.
    expect(walkingOrder(road).map((h) => h.id)).toEqual(['c', 'd', 'b', 'a'])
    expect(walkingOrder([])).toEqual([])
  })
})
