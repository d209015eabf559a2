import type { TelemetryBatch } from '../../../shared/domain/telemetry'
import { codeFromStatus } from '../../../shared/domain/telemetry'

/** Status code of an asset we have never heard from. */
export const NO_FIX_CODE = codeFromStatus('no-fix')
const MIN_CAPACITY = 1024

/**
 * Latest fix of every asset, column-wise and indexed by the slot main assigned. The arrays are
 * mutable buffers owned by the telemetry slice: a batch rewrites only its rows (O(changed)) and
 * the slice bumps a version counter instead of re-creating 50k objects per frame.
 */
export interface TelemetryColumns {
  capacity: number
  /** One past the highest slot seen: loops over assets run to here. */
  size: number
  lat: Float64Array
  lng: Float64Array
  speed: Float32Array
  heading: Float32Array
  fixTime: Float64Array
  status: Uint8Array
  assetIdBySlot: (string | undefined)[]
  slotByAssetId: Map<string, number>
  /** Assets that can be drawn: a finite position and a status other than no-fix. */
  positioned: number
}

export function createColumns(capacity = MIN_CAPACITY): TelemetryColumns {
  const status = new Uint8Array(capacity)
  status.fill(NO_FIX_CODE)
  return {
    capacity,
    size: 0,
    lat: new Float64Array(capacity).fill(Number.NaN),
    lng: new Float64Array(capacity).fill(Number.NaN),
    speed: new Float32Array(capacity).fill(Number.NaN),
    heading: new Float32Array(capacity).fill(Number.NaN),
    fixTime: new Float64Array(capacity).fill(Number.NaN),
    status,
    assetIdBySlot: [],
    slotByAssetId: new Map(),
    positioned: 0,
  }
}

export function isDrawable(cols: TelemetryColumns, slot: number): boolean {
  return (
    (cols.status[slot] ?? NO_FIX_CODE) !== NO_FIX_CODE &&
    Number.isFinite(cols.lat[slot]) &&
    Number.isFinite(cols.lng[slot])
  )
}

function grown<T extends Float64Array | Float32Array | Uint8Array>(old: T, next: T, fill: number): T {
  next.fill(fill)
  next.set(old)
  return next
}

/** Doubles the buffers (amortised O(1) per slot) when a batch names a slot past the end. */
function ensureCapacity(cols: TelemetryColumns, slot: number): void {
  if (slot < cols.capacity) return
  const capacity = Math.max(cols.capacity * 2, slot + 1, MIN_CAPACITY)
  cols.lat = grown(cols.lat, new Float64Array(capacity), Number.NaN)
  cols.lng = grown(cols.lng, new Float64Array(capacity), Number.NaN)
  cols.speed = grown(cols.speed, new Float32Array(capacity), Number.NaN)
  cols.heading = grown(cols.heading, new Float32Array(capacity), Number.NaN)
  cols.fixTime = grown(cols.fixTime, new Float64Array(capacity), Number.NaN)
  cols.status = grown(cols.status, new Uint8Array(capacity), NO_FIX_CODE)
  cols.capacity = capacity
}

/** Writes one batch into the columns in place. Returns the number of rows written. */
export function applyBatch(cols: TelemetryColumns, batch: TelemetryBatch): number {
  for (const { slot, assetId } of batch.newSlots) {
    ensureCapacity(cols, slot)
    const previous = cols.assetIdBySlot[slot]
    // A slot handed to another asset (e.g. a new session) must not keep resolving the old id.
    if (previous !== undefined && previous !== assetId) cols.slotByAssetId.delete(previous)
    cols.assetIdBySlot[slot] = assetId
    cols.slotByAssetId.set(assetId, slot)
    if (slot >= cols.size) cols.size = slot + 1
  }
  const rows = batch.slot.length
  for (let i = 0; i < rows; i++) {
    const slot = batch.slot[i] ?? 0
    ensureCapacity(cols, slot)
    if (slot >= cols.size) cols.size = slot + 1
    const wasDrawable = isDrawable(cols, slot)
    cols.lat[slot] = batch.lat[i] ?? Number.NaN
    cols.lng[slot] = batch.lng[i] ?? Number.NaN
    cols.speed[slot] = batch.speed[i] ?? Number.NaN
    cols.heading[slot] = batch.heading[i] ?? Number.NaN
    cols.fixTime[slot] = batch.fixTime[i] ?? Number.NaN
    cols.status[slot] = batch.status[i] ?? NO_FIX_CODE
    const nowDrawable = isDrawable(cols, slot)
    if (wasDrawable !== nowDrawable) cols.positioned += nowDrawable ? 1 : -1
  }
  return rows
}
