// Leaflet layers of the map: the configured tile server (cached by the service worker as the kader views it),
// the offline area map under it, and the household markers. Only the lazy map modules import this file.
import * as L from 'leaflet'
import type { MapTileSettings } from '../../data/map-settings'
import type { AreaMap } from './area'
import { type HouseholdStatus, markerHtml, STATUSES } from './status'

/** Leaflet's own limit for OSM-style tiles; beyond it tiles are scaled up. */
export const MAX_ZOOM = 19
/** The whole of Indonesia, for a first open with no household located and no area map. */
export const INDONESIA_VIEW = { center: [-2.5, 118] as [number, number], zoom: 4 }

export function onlineTileLayer(settings: MapTileSettings): L.TileLayer {
  return L.tileLayer(settings.urlTemplate, {
    attribution: settings.attribution,
    // CORS, so that the service worker caches a readable response: an opaque one is counted as ~7 MB of quota.
    crossOrigin: 'anonymous',
    maxZoom: MAX_ZOOM,
    // Above the area map: where the kader has a viewed (cached) or live tile, it is the newer picture.
    zIndex: 2,
  })
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Draws tiles of a PMTiles archive; a tile the archive lacks stays hidden, so the background shows through. */
class AreaLayer extends L.GridLayer {
  private readonly pending = new WeakMap<HTMLElement, AbortController>()

  constructor(
    private readonly area: AreaMap,
    options: L.GridLayerOptions,
  ) {
    super(options)
    this.on('tileunload', (e: L.TileEvent) => {
      this.pending.get(e.tile)?.abort()
      const src = (e.tile as HTMLImageElement).src
      if (src.startsWith('blob:')) URL.revokeObjectURL(src)
    })
  }

  protected override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const img = document.createElement('img')
    img.alt = ''
    const controller = new AbortController()
    this.pending.set(img, controller)
    this.area.archive.getZxy(coords.z, coords.x, coords.y, controller.signal).then(
      (tile) => {
        this.pending.delete(img)
        if (!tile) return done(new Error('no tile in the area map'), img)
        img.onload = () => done(undefined, img)
        img.onerror = () => done(new Error('undecodable tile'), img)
        img.src = URL.createObjectURL(new Blob([tile.data], { type: this.area.mime }))
      },
      (error: unknown) => {
        this.pending.delete(img)
        if ((error as { name?: string } | null)?.name !== 'AbortError') done(error as Error, img)
      },
    )
    return img
  }
}

export function areaTileLayer(area: AreaMap): L.GridLayer {
  return new AreaLayer(area, {
    minNativeZoom: area.minZoom,
    maxNativeZoom: area.maxZoom,
    maxZoom: MAX_ZOOM,
    bounds: L.latLngBounds(area.bounds),
    // The file is the kader's own, but its metadata is not ours to render as HTML.
    attribution: area.attribution === undefined ? undefined : escapeHtml(area.attribution),
    zIndex: 1,
  })
}

const ICON_SIZE = 30

export function householdMarker(
  lat: number,
  lng: number,
  status: HouseholdStatus,
  /** The marker's accessible name and tooltip: the household and its status in words. */
  title: string,
  /** False for context-only markers (the picker's neighbours): no tap, no tab stop. */
  interactive = true,
): L.Marker {
  return L.marker([lat, lng], {
    icon: L.divIcon({
      className: 'hh-icon',
      html: markerHtml(status),
      iconSize: [ICON_SIZE, ICON_SIZE],
      iconAnchor: [ICON_SIZE / 2, ICON_SIZE / 2],
    }),
    title,
    interactive,
    keyboard: interactive,
    // The most urgent marker on top where households crowd together.
    zIndexOffset: (STATUSES.length - STATUSES.indexOf(status)) * 1000,
    riseOnHover: true,
  })
}

/** A map with no tiles yet: a plain background with a scale, zoom buttons and the attribution. */
export function createBaseMap(el: HTMLElement): L.Map {
  const map = L.map(el, {
    center: INDONESIA_VIEW.center,
    zoom: INDONESIA_VIEW.zoom,
    maxZoom: MAX_ZOOM,
    zoomControl: true,
    attributionControl: true,
  })
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>')
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map)
  return map
}

export function myLocationLayer(lat: number, lng: number, accuracyM: number, title: string): L.LayerGroup {
  return L.layerGroup([
    L.circle([lat, lng], {
      radius: accuracyM,
      weight: 1,
      color: '#1a56c4',
      fillOpacity: 0.12,
      interactive: false,
    }),
    L.circleMarker([lat, lng], {
      radius: 7,
      weight: 3,
      color: '#fff',
      fillColor: '#1a56c4',
      fillOpacity: 1,
    }).bindTooltip(title),
  ])
}

export { L }
