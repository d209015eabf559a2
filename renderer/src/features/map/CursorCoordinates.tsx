import type L from 'leaflet'
import { useEffect, useState } from 'react'
import { formatCoordinates } from '../assets/map-links'

/** Latitude and longitude under the pointer, for reading positions off the map. */
export function CursorCoordinates({ map }: { map: L.Map | null }) {
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null)
  useEffect(
    function trackPointer() {
      if (!map) return
      let frame = 0
      let latest: L.LatLng | null = null
      // One React update per animation frame however fast the mouse moves.
      const onMove = (e: L.LeafletMouseEvent) => {
        latest = e.latlng
        if (frame === 0)
          frame = requestAnimationFrame(() => {
            frame = 0
            if (latest) setPosition({ lat: latest.lat, lng: latest.lng })
          })
      }
      const onOut = () => setPosition(null)
      map.on('mousemove', onMove)
      map.on('mouseout', onOut)
      return () => {
        cancelAnimationFrame(frame)
        map.off('mousemove', onMove)
        map.off('mouseout', onOut)
      }
    },
    [map],
  )
  if (!position) return null
  return (
    <div className="map-cursor" data-testid="map-cursor">
      {formatCoordinates(position.lat, position.lng)}
    </div>
  )
}
