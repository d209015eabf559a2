import L from 'leaflet'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { FeatureCollection } from 'geojson'
import countries50m from 'world-atlas/countries-50m.json'
import { CITIES, STREETS } from '../../../../shared/geo/mexico-streets'

export const WATER_COLOR = '#a9cde0'
const MEXICO_ID = '484'
// Mexico and the countries a dispatcher sees around it (ISO 3166 numeric, as world-atlas ids them).
const NEIGHBOURS = new Set(['840', '320', '084', '340', '222', '192', '124', '558', '388', '044'])
export const STREETS_MIN_ZOOM = 10
export const STREET_LABELS_MIN_ZOOM = 14

function countriesGeoJson(): FeatureCollection {
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const all = feature(topology, topology.objects.countries)
  return {
    type: 'FeatureCollection',
    features: all.features.filter((f) => f.id === MEXICO_ID || NEIGHBOURS.has(String(f.id))),
  }
}

/**
 * The basemap that ships with the app: land from world-atlas, the demo cities' real arterials and
 * city labels, all on one canvas renderer so it costs a handful of DOM nodes.
 */
export function createOfflineBasemap(map: L.Map): L.LayerGroup {
  const pane = map.getPane('basemap') ?? map.createPane('basemap')
  pane.style.zIndex = '250'
  const renderer = L.canvas({ pane: 'basemap', padding: 0.5 })

  // Leaflet hands these options to every polygon it creates; the typings just omit `renderer`.
  const landOptions: L.GeoJSONOptions & { renderer: L.Renderer } = {
    pane: 'basemap',
    renderer,
    interactive: false,
    style: (f) => ({
      fillColor: f?.id === MEXICO_ID ? '#f4f1ea' : '#e6e2d8',
      fillOpacity: 1,
      color: '#b7ae9c',
      weight: f?.id === MEXICO_ID ? 1.2 : 0.8,
    }),
  }
  const land = L.geoJSON(countriesGeoJson(), landOptions)

  const streets = L.layerGroup()
  const streetLabels = L.layerGroup()
  for (const street of STREETS) {
    const opts = {
      pane: 'basemap',
      renderer,
      interactive: false,
      lineCap: 'round',
      lineJoin: 'round',
    } as const
    // Casing under fill, the way road maps draw them.
    streets.addLayer(L.polyline(street.points, { ...opts, color: '#d9a441', weight: 6 }))
    streets.addLayer(L.polyline(street.points, { ...opts, color: '#fde68a', weight: 3.5 }))
    const mid = street.points[Math.floor(street.points.length / 2)]
    if (mid)
      streetLabels.addLayer(
        L.marker(mid, {
          pane: 'basemap',
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: 'street-label',
            html: `<span>${escapeHtml(street.name)}</span>`,
            iconSize: undefined,
          }),
        }),
      )
  }

  const cityLabels = L.layerGroup(
    CITIES.map((city) =>
      L.marker(city.center, {
        pane: 'basemap',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          className: 'city-label',
          html: `<span>${escapeHtml(city.name)}</span>`,
          iconSize: undefined,
        }),
      }),
    ),
  )

  const group = L.layerGroup([land, cityLabels])
  // Streets and their names only where they are readable; the group owns the zoom listener.
  const byZoom = () => {
    const z = map.getZoom()
    toggle(group, streets, z >= STREETS_MIN_ZOOM)
    toggle(group, streetLabels, z >= STREET_LABELS_MIN_ZOOM)
  }
  group.on('add', () => {
    map.on('zoomend', byZoom)
    byZoom()
  })
  group.on('remove', () => {
    map.off('zoomend', byZoom)
    group.removeLayer(streets).removeLayer(streetLabels)
  })
  return group
}

function toggle(group: L.LayerGroup, layer: L.Layer, on: boolean): void {
  if (on && !group.hasLayer(layer)) group.addLayer(layer)
  if (!on && group.hasLayer(layer)) group.removeLayer(layer)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
