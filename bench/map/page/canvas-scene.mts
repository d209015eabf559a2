import type L from 'leaflet'
import type { TelemetryBatch } from '../../../shared/domain/telemetry'
import { AssetCanvasLayer } from '../../../renderer/src/features/map/asset-layer'
import { createAppStore } from '../../../renderer/src/store'
import type { AppStoreApi } from '../../../renderer/src/store'
import type { SceneOptions } from '../bench-page-api'

/** Fix times of the bench's fleet: one report a second, as the 1 Hz batches say. */
const FIX_EPOCH = Date.UTC(2026, 0, 1)

/** The app's path: batch → telemetry slice (columns + version) → AssetCanvasLayer, as use-asset-layer wires it. */
export class CanvasScene {
  readonly store: AppStoreApi = createAppStore()
  private readonly layer: AssetCanvasLayer
  private readonly unsubscribe: () => void

  constructor(map: L.Map, options: SceneOptions = {}) {
    const state = this.store.getState()
    this.layer = new AssetCanvasLayer(
      state.telemetry,
      { onSelectAsset: () => undefined },
      {
        ...(options.arrowsMaxInView !== undefined && { arrowsMaxInView: options.arrowsMaxInView }),
        ...(options.motionStepPx !== undefined && { motionStepPx: options.motionStepPx }),
      },
    )
    this.layer.setMotion(options.motion ?? true)
    this.layer.setData(state.telemetry, state.telemetryVersion)
    this.layer.addTo(map)
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.telemetryVersion !== prev.telemetryVersion) this.layer.setData(s.telemetry, s.telemetryVersion)
    })
  }

  /** How long the layer's last frame took to draw (ms), and when it ended. */
  lastFrame(): { ms: number; endedAt: number } {
    return this.layer.lastFrame()
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

/**
 * A batch moving every asset, built as main's build-batch.ts builds one (all rows changed), each
 * fix a second after the last: the motion model glides over the vehicles' 1 s report interval.
 */
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
    fixTime: new Float64Array(n).fill(FIX_EPOCH + tick * 1000),
    status: new Uint8Array(n),
  }
  for (let i = 0; i < n; i++) {
    batch.slot[i] = i
    batch.heading[i] = (i * 37 + tick * 10) % 360
  }
  return batch
}
