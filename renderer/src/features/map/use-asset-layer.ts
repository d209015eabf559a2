import type L from 'leaflet'
import { useEffect, useMemo } from 'react'
import { useAppStore } from '../../store'
import { selectDevices } from '../../store/selectors'
import { AssetCanvasLayer } from './asset-layer'
import { assetBounds } from './asset-bounds'

/**
 * Attaches the one asset canvas to the map and feeds it straight from the store: telemetry
 * batches repaint the canvas without a React render of anything.
 */
export function useAssetLayer(map: L.Map | null): void {
  const devices = useAppStore(selectDevices)
  const names = useMemo(() => new Map(devices.map((d) => [d.assetId, d.deviceName])), [devices])
  const layer = useMemo(
    () =>
      new AssetCanvasLayer(useAppStore.getState().telemetry, {
        onSelectAsset: (assetId) => useAppStore.getState().selectAsset(assetId),
      }),
    [],
  )

  useEffect(
    function attachLayer() {
      if (!map) return
      const first = useAppStore.getState()
      layer.setData(first.telemetry, first.telemetryVersion)
      layer.setSelected(first.selectedAssetId)
      layer.addTo(map)
      let fitted = false
      const fitOnce = (positioned: number) => {
        if (fitted || positioned === 0) return
        fitted = true
        const bounds = assetBounds(useAppStore.getState().telemetry)
        if (bounds) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14, animate: false })
      }
      fitOnce(first.positionedCount)
      const unsubscribe = useAppStore.subscribe((s, prev) => {
        if (s.telemetryVersion !== prev.telemetryVersion) {
          layer.setData(s.telemetry, s.telemetryVersion)
          fitOnce(s.positionedCount)
        }
        if (s.selectedAssetId !== prev.selectedAssetId) {
          layer.setSelected(s.selectedAssetId)
          revealSelected(map, s.selectedAssetId)
        }
      })
      return () => {
        unsubscribe()
        layer.remove()
      }
    },
    [map, layer],
  )

  useEffect(() => layer.setNames(names), [layer, names])
}

/** Below this zoom a selected vehicle hides in a cluster, so selecting one zooms in to the street. */
const REVEAL_ZOOM = 15

/** A selection made in the list brings the asset into view: zoomed to street level, or panned. */
function revealSelected(map: L.Map, assetId: string | null): void {
  if (assetId === null) return
  const cols = useAppStore.getState().telemetry
  const slot = cols.slotByAssetId.get(assetId)
  if (slot === undefined) return
  const lat = cols.lat[slot] ?? Number.NaN
  const lng = cols.lng[slot] ?? Number.NaN
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return
  if (map.getZoom() < REVEAL_ZOOM) map.setView([lat, lng], REVEAL_ZOOM)
  else if (!map.getBounds().pad(-0.1).contains([lat, lng])) map.panTo([lat, lng])
}
