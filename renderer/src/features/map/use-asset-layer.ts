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
      layer.setMotion(first.motion)
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
        }
        if (s.following && !prev.following) keepCentred(map, layer.drawnLatLng(s.selectedAssetId), true)
        if (s.clustering !== prev.clustering) layer.setClustering(s.clustering)
        if (s.motion !== prev.motion) layer.setMotion(s.motion)
        if (s.theme !== prev.theme) layer.setDarkTheme(s.theme === 'dark')
        if (s.fitAllRequest !== prev.fitAllRequest) fitAll(map)
        if (s.selectedAssetId !== prev.selectedAssetId) {
          layer.setSelected(s.selectedAssetId)
          revealSelected(map, layer.drawnLatLng(s.selectedAssetId))
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
    // Following: every frame keeps the vehicle where it is DRAWN at the centre, so a gliding
    // vehicle is followed smoothly rather than in a jump per fix.
    onFrameDrawn: () => {
      const { following, selectedAssetId } = useAppStore.getState()
      const layer = ref.current
      const map = layer?.currentMap()
      if (following && layer && map) keepCentred(map, layer.drawnLatLng(selectedAssetId), false)
    },
  })
  return ref as RefObject<AssetCanvasLayer>
}

/** Every vehicle with a position in view. */
function fitAll(map: L.Map, animate = true): void {
  const bounds = assetBounds(useAppStore.getState().telemetry)
  if (bounds) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14, animate })
}

/** Following: the map re-centres on the drawn vehicle whenever it has moved a pixel or more. */
function keepCentred(map: L.Map, position: [number, number] | null, animate: boolean): void {
  if (!position) return
  const centre = map.latLngToContainerPoint(map.getCenter())
  const at = map.latLngToContainerPoint(position)
  // Sub-pixel moves are not worth an animation frame.
  if (centre.distanceTo(at) < 1) return
  if (animate) map.panTo(position, { animate: true, duration: 0.25 })
  else map.panBy(at.subtract(centre), { animate: false })
}

/** Below this zoom a selected vehicle hides in a cluster, so selecting one zooms in to the street. */
const REVEAL_ZOOM = 15

/** A selection made in the list brings the asset into view: zoomed to street level, or panned. */
function revealSelected(map: L.Map, position: [number, number] | null): void {
  if (!position) return
  if (map.getZoom() < REVEAL_ZOOM) map.setView(position, REVEAL_ZOOM)
  else if (!map.getBounds().pad(-0.1).contains(position)) map.panTo(position)
}
