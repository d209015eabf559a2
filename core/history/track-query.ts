import type { HistoryTracks, Track } from '../../shared/domain/history'
import type { ChunkStore } from './chunk-store'
import type { FixColumns } from './fix-columns'
import { concatFixes, pickFixes, sortedUnique } from './fix-columns'
import type { HistoryDb } from './history-db'
import type { SegmentLog } from './segment-log'

/** Fixes one answer carries at most: 24 h at 1 Hz for a dozen vehicles (about 32 bytes each on the wire). */
export const MAX_TRACK_FIXES = 1_000_000

/** Each vehicle's fixes in [from, to], oldest first: its chunks, then what the tail holds for it. */
export function tracksBetween(
  h: HistoryDb,
  chunks: ChunkStore,
  segments: SegmentLog,
  scope: number,
  assetIds: readonly string[],
  from: number,
  to: number,
  maxFixes = MAX_TRACK_FIXES,
): HistoryTracks {
  const tail = segments.readBetween(from, to)
  const tracks: Track[] = []
  let budget = maxFixes
  let truncated = false
  for (const assetId of assetIds) {
    const key = h.existingKey(scope, assetId)
    let fixes = key === undefined ? null : merged(chunks.between(key, from, to), tail, key, from, to)
    if (fixes && fixes.length > budget) {
      // The oldest part of the range is kept whole: a replay starts there.
      fixes = pickFixes(
        fixes,
        Array.from({ length: budget }, (_, i) => i),
      )
      truncated = true
    }
    budget -= fixes?.length ?? 0
    tracks.push(toTrack(assetId, fixes))
  }
  return { tracks, truncated }
}

function merged(stored: FixColumns, tail: FixColumns, key: number, from: number, to: number): FixColumns {
  const rows: number[] = []
  for (let i = 0; i < tail.length; i++) {
    if (tail.asset[i] === key && tail.t[i]! >= from && tail.t[i]! <= to) rows.push(i)
  }
  const inRange: number[] = []
  for (let i = 0; i < stored.length; i++) if (stored.t[i]! >= from && stored.t[i]! <= to) inRange.push(i)
  const kept = inRange.length === stored.length ? stored : pickFixes(stored, inRange)
  return rows.length === 0 ? kept : sortedUnique(concatFixes([kept, pickFixes(tail, rows)]))
}

function toTrack(assetId: string, fixes: FixColumns | null): Track {
  const n = fixes?.length ?? 0
  return {
    assetId,
    t: fixes ? fixes.t.slice(0, n) : new Float64Array(0),
    lat: fixes ? fixes.lat.slice(0, n) : new Float64Array(0),
    lng: fixes ? fixes.lng.slice(0, n) : new Float64Array(0),
    speed: fixes ? fixes.speed.slice(0, n) : new Float32Array(0),
    heading: fixes ? fixes.heading.slice(0, n) : new Float32Array(0),
  }
}
