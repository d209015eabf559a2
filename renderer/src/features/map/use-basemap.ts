import L from 'leaflet'
import { useCallback, useEffect, useState } from 'react'
import type { MapSettings } from '../../../../shared/schemas/settings'
import type { BasemapMode } from './basemap-choice'
import { initialBasemap, probeTile, shouldProbe } from './basemap-choice'
import { createOfflineBasemap } from './offline-basemap'

/** Tile errors tolerated before online tiles are given up for this map settings value. */
const MAX_TILE_ERRORS = 3

/**
 * Shows the online tiles when configured and reachable, the offline basemap otherwise; switches
 * to offline by itself when tiles start failing. Returns the mode actually shown.
 */
export function useBasemap(map: L.Map | null, settings: MapSettings | null): BasemapMode {
  const tileUrl = settings?.tileUrl ?? ''
  const attribution = settings?.tileAttribution ?? ''
  const basemap = settings?.basemap ?? 'auto'
  // The decision belongs to one settings value: new settings start over from initialBasemap.
  const settingsKey = `${basemap}|${tileUrl}`
  const [decided, setDecided] = useState<{ key: string; mode: BasemapMode } | null>(null)
  const mode =
    decided?.key === settingsKey
      ? decided.mode
      : initialBasemap({ tileUrl, tileAttribution: attribution, basemap })
  const setMode = useCallback(
    (next: BasemapMode) => setDecided({ key: settingsKey, mode: next }),
    [settingsKey],
  )

  useEffect(
    function probeOnlineTiles() {
      const s: MapSettings = { tileUrl, tileAttribution: attribution, basemap }
      if (!shouldProbe(s)) return
      let cancelled = false
      void probeTile(tileUrl).then((ok) => {
        if (!cancelled && ok) setMode('online')
      })
      return () => {
        cancelled = true
      }
    },
    [tileUrl, attribution, basemap, setMode],
  )

  useEffect(
    function showOffline() {
      if (!map || mode !== 'offline') return
      const layer = createOfflineBasemap(map).addTo(map)
      return () => void layer.remove()
    },
    [map, mode],
  )

  useEffect(
    function showOnline() {
      if (!map || mode !== 'online') return
      let errors = 0
      const tiles = L.tileLayer(tileUrl, { attribution, maxZoom: 19, crossOrigin: false })
      tiles.on('tileerror', () => {
        errors += 1
        if (errors >= MAX_TILE_ERRORS) setMode('offline')
      })
      tiles.addTo(map)
      return () => void tiles.remove()
    },
    [map, mode, tileUrl, attribution, setMode],
  )

  return mode
}
