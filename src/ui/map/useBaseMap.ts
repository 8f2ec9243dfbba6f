// One Leaflet map in a React-owned <div>: created on mount, removed on unmount, with the configured tile server
// over the offline area map (if one was loaded). Shared by the map screen and the location picker.
import { type RefObject, useEffect, useRef, useState } from 'react'
import { useMapTileSettings, useOfflineAreaMap } from '../../data/map-settings'
import { type AreaMap, openAreaMap } from './area'
import { areaTileLayer, createBaseMap, type L, onlineTileLayer } from './layers'

export interface BaseMap {
  ref: RefObject<HTMLElement | null>
  /** null until the map exists. */
  map: L.Map | null
  /** The area map file, once opened; null when there is none or it cannot be read. */
  area: AreaMap | null | undefined
  /** Some tile of the tile server failed (no signal and not cached): the kader is told, markers still show. */
  tilesMissing: boolean
}

export function useBaseMap(): BaseMap {
  const ref = useRef<HTMLElement>(null)
  const [map, setMap] = useState<L.Map | null>(null)
  const tiles = useMapTileSettings()
  const areaRow = useOfflineAreaMap()
  const [area, setArea] = useState<AreaMap | null | undefined>(undefined)
  const [tilesMissing, setTilesMissing] = useState(false)

  useEffect(() => {
    if (!ref.current) return
    const m = createBaseMap(ref.current)
    setMap(m)
    return () => {
      m.remove()
      setMap(null)
    }
  }, [])

  useEffect(() => {
    if (areaRow === undefined) return
    if (areaRow === null) {
      setArea(null)
      return
    }
    let live = true
    openAreaMap(areaRow.file, `${areaRow.name}|${areaRow.savedAt}`).then(
      (a) => live && setArea(a),
      (error: unknown) => {
        console.warn('The offline area map cannot be read', error)
        if (live) setArea(null)
      },
    )
    return () => {
      live = false
    }
  }, [areaRow])

  // Strings, not the settings object: a re-read of the same settings must not rebuild the layer.
  const urlTemplate = tiles?.urlTemplate
  const attribution = tiles?.attribution
  useEffect(() => {
    if (!map || urlTemplate === undefined) return
    const layer = onlineTileLayer({ urlTemplate, attribution: attribution ?? '' })
    setTilesMissing(false)
    layer.on('tileerror', () => setTilesMissing(true))
    layer.addTo(map)
    return () => {
      layer.remove()
    }
  }, [map, urlTemplate, attribution])

  useEffect(() => {
    if (!map || !area) return
    const layer = areaTileLayer(area).addTo(map)
    return () => {
      layer.remove()
    }
  }, [map, area])

  return { ref, map, area, tilesMissing }
}
