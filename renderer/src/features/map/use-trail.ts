import L from 'leaflet'
import { useEffect, useMemo } from 'react'
import { useAppStore } from '../../store'
import { selectStaleAfterMs } from '../../store/selectors'
import { trailSegments } from './motion-rules'

/**
 * The selected asset's trail as one polyline, updated in place as the poller refreshes it. Where the
 * map would make the vehicle jump (a time gap, an impossible distance, an older fix) the line breaks:
 * the trail never draws a road the vehicle was not seen on. Returns the points in each piece drawn
 * ("12,3"; empty when none): the map states it, so a test sees the break the canvas draws.
 */
export function useTrail(map: L.Map | null): string {
  const trail = useAppStore((s) => s.selectedTrail)
  // While replaying, the replayed trails are the only ones: a live one beside them would confuse.
  const showTrail = useAppStore((s) => s.showTrail && s.replay === null)
  const staleAfterMs = useAppStore(selectStaleAfterMs)
  const line = useMemo(
    () =>
      L.polyline([], {
        color: '#0284c7',
        weight: 3,
        opacity: 0.75,
        interactive: false,
        dashArray: '1 6',
        lineCap: 'round',
      }),
    [],
  )

  useEffect(
    function attachTrail() {
      if (!map) return
      line.addTo(map)
      return () => void line.remove()
    },
    [map, line],
  )

  const pieces = useMemo(
    () =>
      showTrail
        ? trailSegments(trail, staleAfterMs).map((piece) =>
            piece.map((p) => [p.lat, p.lng] as [number, number]),
          )
        : [],
    [trail, showTrail, staleAfterMs],
  )
  useEffect(() => void line.setLatLngs(pieces), [line, pieces])
  return pieces.map((piece) => piece.length).join(',')
}
