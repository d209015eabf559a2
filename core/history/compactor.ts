import type { ChunkStore } from './chunk-store'
import type { FixColumns } from './fix-columns'
import { pickFixes, sortedUnique } from './fix-columns'
import type { HistoryDb } from './history-db'
import type { SegmentLog } from './segment-log'

/** How often the tail is folded into chunks, and how large it may grow before that happens sooner. */
export const COMPACT_EVERY_MS = 60_000
export const COMPACT_AT_FIXES = 300_000

/**
 * Folds the whole tail into per-vehicle chunks in one transaction: a crash mid-way leaves the tail
 * as it was, never a fix in both places or in neither.
 */
export function compact(h: HistoryDb, segments: SegmentLog, chunks: ChunkStore): { fixes: number } {
  return h.transaction(() => {
    const { fixes, lastId } = segments.readAll()
    if (fixes.length === 0) return { fixes: 0 }
    // sortedUnique drops repeats within the tail; merge drops those already in chunks.
    let dropped = 0
    for (const [asset, rows] of groupByAsset(fixes)) {
      const unique = sortedUnique(pickFixes(fixes, rows))
      dropped += rows.length - unique.length + chunks.merge(asset, unique)
    }
    segments.deleteUpTo(lastId)
    h.addToCounter('fixes', -dropped)
    return { fixes: fixes.length }
  })
}

/** Row indices per vehicle, each list in write order (a counting sort: no comparator over 10⁵ rows). */
function groupByAsset(fixes: FixColumns): Map<number, Uint32Array> {
  const counts = new Map<number, number>()
  for (let i = 0; i < fixes.length; i++) {
    const asset = fixes.asset[i]!
    counts.set(asset, (counts.get(asset) ?? 0) + 1)
  }
  const groups = new Map<number, Uint32Array>()
  const filled = new Map<number, number>()
  for (const [asset, count] of counts) {
    groups.set(asset, new Uint32Array(count))
    filled.set(asset, 0)
  }
  for (let i = 0; i < fixes.length; i++) {
    const asset = fixes.asset[i]!
    const at = filled.get(asset)!
    groups.get(asset)![at] = i
    filled.set(asset, at + 1)
  }
  return groups
}
