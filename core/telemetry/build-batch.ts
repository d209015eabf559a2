import type { TelemetryBatch } from '../../shared/domain/telemetry'
import type { AssetColumns } from './asset-columns'

/** Copies the given slots' columns into a batch: typed arrays clone cheaply across IPC. */
export function buildBatch(
  columns: AssetColumns,
  slots: readonly number[],
  newSlots: TelemetryBatch['newSlots'],
): TelemetryBatch {
  const n = slots.length
  const batch: TelemetryBatch = {
    newSlots,
    slot: Uint32Array.from(slots),
    lat: new Float64Array(n),
    lng: new Float64Array(n),
    speed: new Float32Array(n),
    heading: new Float32Array(n),
    fixTime: new Float64Array(n),
    status: new Uint8Array(n),
  }
  for (let i = 0; i < n; i++) {
    const slot = slots[i]!
    batch.lat[i] = columns.lat[slot]!
    batch.lng[i] = columns.lng[slot]!
    batch.speed[i] = columns.speed[slot]!
    batch.heading[i] = columns.heading[slot]!
    batch.fixTime[i] = columns.fixTime[slot]!
    batch.status[i] = columns.status[slot]!
  }
  return batch
}
