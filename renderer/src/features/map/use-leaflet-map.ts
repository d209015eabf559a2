import L from 'leaflet'
import type { RefObject } from 'react'
import { useEffect, useState } from 'react'
import { CITIES } from '../../../../shared/geo/mexico-streets'

/** Mexico City, where the view starts until positions arrive. */
const FALLBACK_CENTER: [number, number] = [19.4326, -99.1332]
export const START_VIEW = {
  center: CITIES.find((c) => c.id === 'cdmx')?.center ?? FALLBACK_CENTER,
  zoom: CITIES.find((c) => c.id === 'cdmx')?.zoom ?? 11,
}

/** Creates the Leaflet map once for the element; everything else attaches to it imperatively. */
export function useLeafletMap(ref: RefObject<HTMLDivElement | null>): L.Map | null {
  const [map, setMap] = useState<L.Map | null>(null)
  useEffect(
    function createMap() {
      const element = ref.current
      if (!element) return
      const created = L.map(element, {
        center: START_VIEW.center,
        zoom: START_VIEW.zoom,
        minZoom: 3,
        maxZoom: 19,
        // Vector layers (basemap, trail) go to canvas: thousands of street vertices stay cheap.
        preferCanvas: true,
        worldCopyJump: false,
      })
      created.attributionControl.setPrefix(false)
      L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(created)
      setMap(created)
      // The sidebar and the detail card can change the map's size without a window resize.
      const observer = new ResizeObserver(() => created.invalidateSize({ pan: false }))
      observer.observe(element)
      return () => {
        observer.disconnect()
        created.remove()
        setMap(null)
      }
    },
    [ref],
  )
  return map
}
