import L from 'leaflet'
import { useEffect, useRef } from 'react'
import { useAppStore } from '../../store'
import { trailPoints } from './replay-frame'

/** Replayed trails reach this far back from the playhead (the live trail's default length). */
const TRAIL_MS = 30 * 60_000
/** More vehicles than this are drawn without trails: lines would hide the map. */
const MAX_TRAILS = 50

/**
 * The replayed vehicles' trails up to the playhead, dashed violet like their arrows, so a replayed
 * path is never mistaken for the live one (which is hidden meanwhile).
 */
export function useReplayTrails(map: L.Map | null): void {
  const layer = useRef<L.LayerGroup | null>(null)
  useEffect(
    function followReplay() {
      if (!map) return
      const group = L.layerGroup().addTo(map)
      layer.current = group
      const lines = new Map<string, L.Polyline>()
      const draw = () => {
        const replay = useAppStore.getState().replay
        const tracks = replay?.mode === 'tracks' ? replay.tracks.slice(0, MAX_TRAILS) : []
        for (const [assetId, line] of lines) {
          if (!tracks.some((track) => track.assetId === assetId)) {
            line.remove()
            lines.delete(assetId)
          }
        }
        for (const track of tracks) {
          let line = lines.get(track.assetId)
          if (!line) {
            line = L.polyline([], {
              color: '#7c3aed',
              weight: 3,
              opacity: 0.8,
              dashArray: '6 5',
              interactive: false,
            }).addTo(group)
            lines.set(track.assetId, line)
          }
          line.setLatLngs(replay ? trailPoints(track, replay.playhead - TRAIL_MS, replay.playhead) : [])
        }
      }
      const unsubscribe = useAppStore.subscribe((s, prev) => {
        if (s.replayVersion !== prev.replayVersion || s.replay !== prev.replay) draw()
      })
      return () => {
        unsubscribe()
        group.remove()
        layer.current = null
      }
    },
    [map],
  )
}
