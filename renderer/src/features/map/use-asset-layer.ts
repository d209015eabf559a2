import type L from 'leaflet'
import type { RefObject } from 'react'
import { useEffect, useMemo, useRef } from 'react'
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
  const layerRef = useAssetCanvasLayer()

  useEffect(
    function attachLayer() {
      if (!map) return
      const layer = layerRef.current
      const first = useAppStore.getState()
      layer.setData(first.telemetry, first.telemetryVersion)
      layer.setSelected(first.selectedAssetId)
      layer.setClustering(first.clustering)
      layer.setDarkTheme(first.theme === 'dark')
      layer.addTo(map)
      let fitted = false
      const fitOnce = (positioned: number) => {
        if (fitted || positioned === 0) return
        fitted = true
        fitAll(map, false)
      }
      fitOnce(first.positionedCount)
      const unsubscribe = useAppStore.subscribe((s, prev) => {
        // Replay draws its own columns; live batches keep landing in the store underneath.
        if (s.replay !== null && (s.replayVersion !== prev.replayVersion || prev.replay === null)) {
          layer.setData(s.replayColumns, s.replayVersion)
        }
        if ((s.replay === null) !== (prev.replay === null)) {
          layer.setReplay(s.replay !== null)
          if (s.replay === null) layer.setData(s.telemetry, s.telemetryVersion)
        }
        if (s.replay === null && s.telemetryVersion !== prev.telemetryVersion) {
          layer.setData(s.telemetry, s.telemetryVersion)
          fitOnce(s.positionedCount)
          if (s.following) keepCentred(map, s.selectedAssetId)
        }
        if (s.following && !prev.following) keepCentred(map, s.selectedAssetId)
        if (s.clustering !== prev.clustering) layer.setClustering(s.clustering)
        if (s.theme !== prev.theme) layer.setDarkTheme(s.theme === 'dark')
        if (s.fitAllRequest !== prev.fitAllRequest) fitAll(map)
        if (s.selectedAssetId !== prev.selectedAssetId) {
          layer.setSelected(s.selectedAssetId)
          revealSelected(map, s.selectedAssetId)
        }
      })
      // Dragging the map means the dispatcher wants to look elsewhere: stop following.
      const stopFollowing = () => useAppStore.getState().setFollowing(false)
      map.on('dragstart', stopFollowing)
      return () => {
        map.off('dragstart', stopFollowing)
        unsubscribe()
        layer.remove()
      }
    },
    [map, layerRef],
  )

  useEffect(
    function updateNames() {
      layerRef.current.setNames(names)
    },
    [layerRef, names],
  )
}

/**
 * The layer, created once for the component's life and held in a ref (react-leaflet's
 * `element.ts`): `useMemo` is only a cache React may drop, and a second layer would lose the
 * clusters, hit-test and paint timing the first one built up.
 */
function useAssetCanvasLayer(): RefObject<AssetCanvasLayer> {
  const ref = useRef<AssetCanvasLayer | null>(null)
  ref.current ??= new AssetCanvasLayer(useAppStore.getState().telemetry, {
    onSelectAsset: (assetId) => useAppStore.getState().selectAsset(assetId),
  })
  return ref as RefObject<AssetCanvasLayer>
}

/** Every vehicle with a position in view. */
function fitAll(map: L.Map, animate = true): void {
  const bounds = assetBounds(useAppStore.getState().telemetry)
  if (bounds) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14, animate })
}

/** Following: the map re-centres on the asset whenever it has moved. */
function keepCentred(map: L.Map, assetId: string | null): void {
  const position = assetPosition(assetId)
  if (!position) return
  const centre = map.latLngToContainerPoint(map.getCenter())
  const at = map.latLngToContainerPoint(position)
  // Sub-pixel moves are not worth an animation frame.
  if (centre.distanceTo(at) >= 1) map.panTo(position, { animate: true, duration: 0.25 })
}

function assetPosition(assetId: string | null): [number, number] | null {
  if (assetId === null) return null
  const cols = useAppStore.getState().telemetry
  const slot = cols.slotByAssetId.get(assetId)
  if (slot === undefined) return null
  const lat = cols.lat[slot] ?? Number.NaN
  const lng = cols.lng[slot] ?? Number.NaN
  return Number.isFinite(lat) && Number.isFinite(lng) ? [lat, lng] : null
}

/** Below this zoom a selected vehicle hides in a cluster, so selecting one zooms in to the street. */
const REVEAL_ZOOM = 15

/** A selection made in the list brings the asset into view: zoomed to street level, or panned. */
function revealSelected(map: L.Map, assetId: string | null): void {
  const position = assetPosition(assetId)
  if (!position) return
  if (map.getZoom() < REVEAL_ZOOM) map.setView(position, REVEAL_ZOOM)
  else if (!map.getBounds().pad(-0.1).contains(position)) map.panTo(position)
}
