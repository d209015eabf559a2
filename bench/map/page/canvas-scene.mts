import type L from 'leaflet'
import type { TelemetryBatch } from '../../../shared/domain/telemetry'
import { AssetCanvasLayer } from '../../../renderer/src/features/map/asset-layer'
import { createAppStore } from '../../../renderer/src/store'
import type { AppStoreApi } from '../../../renderer/src/store'

/** The app's path: batch → telemetry slice (columns + version) → AssetCanvasLayer, as use-asset-layer wires it. */
export class CanvasScene {
  readonly store: AppStoreApi = createAppStore()
  private readonly layer: AssetCanvasLayer
  private readonly unsubscribe: () => void

  constructor(map: L.Map) {
    const state = this.store.getState()
    this.layer = new AssetCanvasLayer(state.telemetry, { onSelectAsset: () => undefined })
    this.layer.setData(state.telemetry, state.telemetryVersion)
    this.layer.addTo(map)
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.telemetryVersion !== prev.telemetryVersion) this.layer.setData(s.telemetry, s.telemetryVersion)
    })
  }

  apply(batch: TelemetryBatch): void {
    this.store.getState().applyTelemetryBatch(batch)
  }

  columnBytes(): number {
    const cols = this.store.getState().telemetry
    return (
      cols.lat.byteLength +
      cols.lng.byteLength +
      cols.speed.byteLength +
      cols.heading.byteLength +
      cols.fixTime.byteLength +
      cols.status.byteLength
    )
  }

  dispose(): void {
    this.unsubscribe()
    this.layer.remove()
  }
}

/** A batch moving every asset, built as main's build-batch.ts builds one (all rows changed). */
export function fullBatch(
  lat: Float64Array,
  lng: Float64Array,
  tick: number,
  introduce: boolean,
): TelemetryBatch {
  const n = lat.length
  const batch: TelemetryBatch = {
    newSlots: introduce ? Array.from({ length: n }, (_, slot) => ({ slot, assetId: `bench-${slot}` })) : [],
    slot: new Uint32Array(n),
    lat: new Float64Array(lat),
    lng: new Float64Array(lng),
    speed: new Float32Array(n).fill(40),
    heading: new Float32Array(n),
    fixTime: new Float64Array(n).fill(Date.now()),
    status: new Uint8Array(n),
  }
  for (let i = 0; i < n; i++) {
    batch.slot[i] = i
    batch.heading[i] = (i * 37 + tick * 10) % 360
  }
  return batch
}
