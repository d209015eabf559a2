import type { FixColumns } from './fix-columns'
import { allocFixes } from './fix-columns'

// The two blob layouts of the history file, column after column so a reader can binary-search the
// times without decoding the rest:
//  segment (what one write holds, any vehicles): t f64 | asset u32 | lat i32 | lng i32 | speed u16 | heading u16
//  chunk (one vehicle, ≤ CHUNK_MAX_FIXES):       t u32 (ms after t0) | lat i32 | lng i32 | speed u16 | heading u16
// Positions are kept to 1e-7 degree (about 1 cm), speed to 0.1 km/h, heading to 0.01 degree.

export const SEGMENT_BYTES_PER_FIX = 24
export const CHUNK_BYTES_PER_FIX = 16
const COORD_SCALE = 1e7
const SPEED_SCALE = 10
const HEADING_SCALE = 100
/** "The device did not say" in a u16 column. */
const UNKNOWN = 0xffff

/** Blobs come back from SQLite at any byte offset: copy into a fresh buffer so typed views align. */
function aligned(blob: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(blob.byteLength)
  copy.set(blob)
  return copy.buffer
}

const toCoord = (degrees: number) => Math.round(degrees * COORD_SCALE)
const fromCoord = (units: number) => units / COORD_SCALE
const toU16 = (value: number, scale: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(0, Math.round(value * scale))) : UNKNOWN
const fromU16 = (units: number, scale: number) => (units === UNKNOWN ? Number.NaN : units / scale)
const toSpeed = (kmh: number) => toU16(kmh, SPEED_SCALE, UNKNOWN - 1)
/** Headings wrap: 359.999° rounds to 36000, which is 0°. */
const toHeading = (degrees: number) =>
  Number.isFinite(degrees) ? Math.round((((degrees % 360) + 360) % 360) * HEADING_SCALE) % 36000 : UNKNOWN

/** The rows [from, to) of `fixes` as one segment blob. */
export function encodeSegment(fixes: FixColumns, from = 0, to = fixes.length): Uint8Array {
  const n = to - from
  const buffer = new ArrayBuffer(n * SEGMENT_BYTES_PER_FIX)
  const t = new Float64Array(buffer, 0, n)
  const asset = new Uint32Array(buffer, 8 * n, n)
  for (let i = 0; i < n; i++) {
    t[i] = Math.round(fixes.t[from + i]!)
    asset[i] = fixes.asset[from + i]!
  }
  writeCoordsAndMotion(buffer, 12 * n, fixes, from, to)
  return new Uint8Array(buffer)
}

export function decodeSegment(blob: Uint8Array, n: number): FixColumns {
  const buffer = aligned(blob)
  const out = allocFixes(n)
  out.t.set(new Float64Array(buffer, 0, n))
  out.asset.set(new Uint32Array(buffer, 8 * n, n))
  readCoordsAndMotion(buffer, 12 * n, n, out)
  return out
}

/** The rows [from, to) of one vehicle's sorted fixes as a chunk blob, times after `t0`. */
export function encodeChunk(fixes: FixColumns, from: number, to: number): Uint8Array {
  const n = to - from
  const t0 = fixes.t[from]!
  const buffer = new ArrayBuffer(n * CHUNK_BYTES_PER_FIX)
  const t = new Uint32Array(buffer, 0, n)
  for (let i = 0; i < n; i++) t[i] = Math.round(fixes.t[from + i]! - t0)
  writeCoordsAndMotion(buffer, 4 * n, fixes, from, to)
  return new Uint8Array(buffer)
}

/** One chunk's fixes, all of `asset`. */
export function decodeChunk(blob: Uint8Array, n: number, t0: number, asset: number): FixColumns {
  const buffer = aligned(blob)
  const out = allocFixes(n)
  const t = new Uint32Array(buffer, 0, n)
  for (let i = 0; i < n; i++) out.t[i] = t0 + t[i]!
  out.asset.fill(asset)
  readCoordsAndMotion(buffer, 4 * n, n, out)
  return out
}

/** Index of the last fix at or before `at` in a chunk blob (binary search on its times), or -1. */
export function chunkIndexAtOrBefore(blob: Uint8Array, n: number, t0: number, at: number): number {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength)
  let lo = 0
  let hi = n - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (t0 + view.getUint32(mid * 4, true) <= at) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Fix `i` of a chunk blob, decoded alone (the fleet-at-a-minute query needs one per vehicle). */
export function chunkFixAt(
  blob: Uint8Array,
  n: number,
  t0: number,
  i: number,
): { t: number; lat: number; lng: number; speed: number; heading: number } {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength)
  return {
    t: t0 + view.getUint32(i * 4, true),
    lat: fromCoord(view.getInt32(4 * n + i * 4, true)),
    lng: fromCoord(view.getInt32(8 * n + i * 4, true)),
    speed: fromU16(view.getUint16(12 * n + i * 2, true), SPEED_SCALE),
    heading: fromU16(view.getUint16(14 * n + i * 2, true), HEADING_SCALE),
  }
}

/** The columns both layouts share, from `offset`: lat i32 | lng i32 | speed u16 | heading u16. */
function writeCoordsAndMotion(
  buffer: ArrayBuffer,
  offset: number,
  fixes: FixColumns,
  from: number,
  to: number,
): void {
  const n = to - from
  const lat = new Int32Array(buffer, offset, n)
  const lng = new Int32Array(buffer, offset + 4 * n, n)
  const speed = new Uint16Array(buffer, offset + 8 * n, n)
  const heading = new Uint16Array(buffer, offset + 10 * n, n)
  for (let i = 0; i < n; i++) {
    lat[i] = toCoord(fixes.lat[from + i]!)
    lng[i] = toCoord(fixes.lng[from + i]!)
    speed[i] = toSpeed(fixes.speed[from + i]!)
    heading[i] = toHeading(fixes.heading[from + i]!)
  }
}

function readCoordsAndMotion(buffer: ArrayBuffer, offset: number, n: number, out: FixColumns): void {
  const lat = new Int32Array(buffer, offset, n)
  const lng = new Int32Array(buffer, offset + 4 * n, n)
  const speed = new Uint16Array(buffer, offset + 8 * n, n)
  const heading = new Uint16Array(buffer, offset + 10 * n, n)
  for (let i = 0; i < n; i++) {
    out.lat[i] = fromCoord(lat[i]!)
    out.lng[i] = fromCoord(lng[i]!)
    out.speed[i] = fromU16(speed[i]!, SPEED_SCALE)
    out.heading[i] = fromU16(heading[i]!, HEADING_SCALE)
  }
}
