import type { FleetFrame, Track } from '../../../../shared/domain/history'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { TelemetrySettings } from '../../../../shared/schemas/settings'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { applyBatch, createColumns } from '../../store/telemetry-columns'

const LIVE = codeFromStatus('live')
const STALE = codeFromStatus('stale')
const OFFLINE = codeFromStatus('offline')

/** Status at the replayed moment: the same thresholds as live, on the age the fix had then. */
function statusAt(fixTime: number, at: number, thresholds: TelemetrySettings): number {
  const age = at - fixTime
  if (age <= thresholds.staleAfterSeconds * 1000) return LIVE
  return age <= thresholds.offlineAfterSeconds * 1000 ? STALE : OFFLINE
}

/** Index of the last time at or before `at` in ascending times, or -1. */
export function indexAtOrBefore(times: Float64Array, at: number): number {
  let lo = 0
  let hi = times.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (times[mid]! <= at) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

interface Rows {
  assetIds: string[]
  fixTime: number[]
  lat: number[]
  lng: number[]
  speed: number[]
  heading: number[]
}

function toColumns(rows: Rows, at: number, thresholds: TelemetrySettings): TelemetryColumns {
  const n = rows.assetIds.length
  const columns = createColumns(Math.max(1024, n))
  applyBatch(columns, {
    newSlots: rows.assetIds.map((assetId, slot) => ({ slot, assetId })),
    slot: Uint32Array.from({ length: n }, (_, i) => i),
    lat: Float64Array.from(rows.lat),
    lng: Float64Array.from(rows.lng),
    speed: Float32Array.from(rows.speed),
    heading: Float32Array.from(rows.heading),
    fixTime: Float64Array.from(rows.fixTime),
    status: Uint8Array.from(rows.fixTime, (t) => statusAt(t, at, thresholds)),
  })
  return columns
}

/** Where each tracked vehicle was at `at` (its last fix by then); a vehicle not yet heard from is left out. */
export function frameFromTracks(
  tracks: readonly Track[],
  at: number,
  thresholds: TelemetrySettings,
): TelemetryColumns {
  const rows: Rows = { assetIds: [], fixTime: [], lat: [], lng: [], speed: [], heading: [] }
  for (const track of tracks) {
    const i = indexAtOrBefore(track.t, at)
    if (i < 0) continue
    rows.assetIds.push(track.assetId)
    rows.fixTime.push(track.t[i]!)
    rows.lat.push(track.lat[i]!)
    rows.lng.push(track.lng[i]!)
    rows.speed.push(track.speed[i]!)
    rows.heading.push(track.heading[i]!)
  }
  return toColumns(rows, at, thresholds)
}

/** The whole fleet at `frame.at` as main found it, narrowed to `only` when given. */
export function frameFromFleet(
  frame: FleetFrame,
  thresholds: TelemetrySettings,
  only: ReadonlySet<string> | null,
): TelemetryColumns {
  const rows: Rows = { assetIds: [], fixTime: [], lat: [], lng: [], speed: [], heading: [] }
  frame.assetIds.forEach((assetId, i) => {
    if (only && !only.has(assetId)) return
    rows.assetIds.push(assetId)
    rows.fixTime.push(frame.fixTime[i]!)
    rows.lat.push(frame.lat[i]!)
    rows.lng.push(frame.lng[i]!)
    rows.speed.push(frame.speed[i]!)
    rows.heading.push(frame.heading[i]!)
  })
  return toColumns(rows, frame.at, thresholds)
}

/** A track's points from `since` to `at`, thinned to at most `max` (for its trail on the map). */
export function trailPoints(track: Track, since: number, at: number, max = 2000): [number, number][] {
  const end = indexAtOrBefore(track.t, at)
  if (end < 0) return []
  let start = indexAtOrBefore(track.t, since)
  start = start < 0 ? 0 : start
  const step = Math.max(1, Math.ceil((end - start + 1) / max))
  const points: [number, number][] = []
  for (let i = start; i <= end; i += step) points.push([track.lat[i]!, track.lng[i]!])
  if ((end - start) % step !== 0) points.push([track.lat[end]!, track.lng[end]!])
  return points
}
