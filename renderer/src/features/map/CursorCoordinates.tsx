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
      // The pointer's place on the screen, not on the earth: when the map pans or zooms under a
      // still pointer (follow, fly to a vehicle) the readout must follow the ground beneath it.
      let pointer: L.Point | null = null
      // One React update per animation frame however fast the mouse or the map moves.
      const schedule = () => {
        if (frame === 0)
          frame = requestAnimationFrame(() => {
            frame = 0
            if (!pointer) return
            const ground = map.containerPointToLatLng(pointer)
            setPosition({ lat: ground.lat, lng: ground.lng })
          })
      }
      const onPointerMove = (e: L.LeafletMouseEvent) => {
        pointer = e.containerPoint
        schedule()
      }
      const onMapMove = () => {
        if (pointer) schedule()
      }
      const onOut = () => {
        pointer = null
        setPosition(null)
      }
      // Leaflet's own 'mouseout' never fires when the pointer leaves over a canvas renderer's canvas
      // (the offline basemap's), which flags its events as handled; the container's DOM 'mouseleave' always does.
      const container = map.getContainer()
      map.on('mousemove', onPointerMove)
      map.on('move zoom', onMapMove)
      container.addEventListener('mouseleave', onOut)
      return () => {
        cancelAnimationFrame(frame)
        map.off('mousemove', onPointerMove)
        map.off('move zoom', onMapMove)
        container.removeEventListener('mouseleave', onOut)
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
