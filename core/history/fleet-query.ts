import type { FleetFrame } from '../../shared/domain/history'
import type { ChunkStore } from './chunk-store'
import { chunkFixAt, chunkIndexAtOrBefore } from './fix-codec'
import type { HistoryDb } from './history-db'
import type { SegmentLog } from './segment-log'

/**
 * Every vehicle of a scope at one moment: its last fix at or before `at`, from its chunk (one index
 * seek and a binary search in the blob, nothing decoded but that fix) and from the uncompacted tail.
 * It is also what a restart restores: the fleet at "now".
 */
export function fleetAt(
  h: HistoryDb,
  chunks: ChunkStore,
  segments: SegmentLog,
  scope: number,
  at: number,
): FleetFrame {
  const assets = h.assetsOf(scope)
  const slotOf = new Map<number, number>()
  const assetIds: string[] = []
  for (const [key, assetId] of assets) {
    slotOf.set(key, assetIds.length)
    assetIds.push(assetId)
  }
  const n = assetIds.length
  const frame: FleetFrame = {
    at,
    assetIds,
    fixTime: new Float64Array(n).fill(Number.NaN),
    lat: new Float64Array(n),
    lng: new Float64Array(n),
    speed: new Float32Array(n),
    heading: new Float32Array(n),
  }
  for (const [key, slot] of slotOf) {
    const row = chunks.chunkAtOrBefore(key, at)
    if (!row) continue
    const index = chunkIndexAtOrBefore(row.data, row.n, row.t0, at)
    if (index < 0) continue
    const fix = chunkFixAt(row.data, row.n, row.t0, index)
    setRow(frame, slot, fix.t, fix.lat, fix.lng, fix.speed, fix.heading)
  }
  const tail = segments.readBetween(Number.MIN_SAFE_INTEGER, at)
  for (let i = 0; i < tail.length; i++) {
    const slot = slotOf.get(tail.asset[i]!)
    const t = tail.t[i]!
    if (slot === undefined || t > at) continue
    const known = frame.fixTime[slot]!
    if (Number.isNaN(known) || t >= known)
      setRow(frame, slot, t, tail.lat[i]!, tail.lng[i]!, tail.speed[i]!, tail.heading[i]!)
  }
  return withoutEmptyRows(frame)
}

function setRow(
  frame: FleetFrame,
  slot: number,
  t: number,
  lat: number,
  lng: number,
  speed: number,
  heading: number,
): void {
  frame.fixTime[slot] = t
  frame.lat[slot] = lat
  frame.lng[slot] = lng
  frame.speed[slot] = speed
  frame.heading[slot] = heading
}

/** Only vehicles that had a fix by then. */
function withoutEmptyRows(frame: FleetFrame): FleetFrame {
  const keep: number[] = []
  for (let i = 0; i < frame.assetIds.length; i++) if (!Number.isNaN(frame.fixTime[i]!)) keep.push(i)
  if (keep.length === frame.assetIds.length) return frame
  const pick = <T extends Float64Array | Float32Array>(column: T, make: (n: number) => T): T => {
    const out = make(keep.length)
    keep.forEach((from, to) => (out[to] = column[from]!))
    return out
  }
  return {
    at: frame.at,
    assetIds: keep.map((i) => frame.assetIds[i]!),
    fixTime: pick(frame.fixTime, (n) => new Float64Array(n)),
    lat: pick(frame.lat, (n) => new Float64Array(n)),
    lng: pick(frame.lng, (n) => new Float64Array(n)),
    speed: pick(frame.speed, (n) => new Float32Array(n)),
    heading: pick(frame.heading, (n) => new Float32Array(n)),
  }
}
