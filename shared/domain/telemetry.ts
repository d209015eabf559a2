/** Age-derived state of an asset on the map. */
export type AssetStatus = 'live' | 'stale' | 'offline' | 'no-fix'

/** Numeric codes for AssetStatus inside typed-array batches. */
export const ASSET_STATUS_CODES: readonly AssetStatus[] = ['live', 'stale', 'offline', 'no-fix']

export function statusFromCode(code: number): AssetStatus {
  return ASSET_STATUS_CODES[code] ?? 'no-fix'
}

export function codeFromStatus(status: AssetStatus): number {
  return ASSET_STATUS_CODES.indexOf(status)
}

/**
 * Changed assets since the previous batch, column-wise in typed arrays: structured clone of one
 * Float64Array is ~100× cheaper than of 50k objects. Row i of every column describes one asset.
 * Assets are referred to by a small integer `slot`; `newSlots` introduces slots never sent before.
 */
export interface TelemetryBatch {
  newSlots: { slot: number; assetId: string }[]
  slot: Uint32Array
  lat: Float64Array
  lng: Float64Array
  /** km/h; NaN when unknown. */
  speed: Float32Array
  /** Degrees clockwise from north; NaN when unknown. */
  heading: Float32Array
  /** Epoch ms of the fix. */
  fixTime: Float64Array
  /** ASSET_STATUS_CODES index. */
  status: Uint8Array
}

/** One point of an asset's trail. */
export interface TrailPoint {
  lat: number
  lng: number
  fixTime: number
}

/** Everything known about one asset, for the detail panel. */
export interface AssetDetail {
  assetId: string
  lat: number | null
  lng: number | null
  speed: number | null
  heading: number | null
  fixTime: number | null
  lastSeenAt: number | null
  status: AssetStatus
  /** Every other field the telemetry carried, as received. */
  extra: Record<string, unknown>
}
