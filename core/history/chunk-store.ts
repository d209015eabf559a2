import type { FixColumns } from './fix-columns'
import { concatFixes, sortedUnique } from './fix-columns'
import { decodeChunk, encodeChunk } from './fix-codec'
import type { HistoryDb } from './history-db'
import { num } from './history-db'

/**
 * A chunk's blob stays within one 4 KiB page (16 bytes a fix): no overflow pages to chase when a
 * whole fleet is read at one minute.
 */
export const CHUNK_MAX_FIXES = 240
/** A chunk never spans more than this: its times fit a u32, and pruning by age can be exact to it. */
export const CHUNK_MAX_SPAN_MS = 60 * 60_000

interface ChunkRow {
  id: number
  t0: number
  t1: number
  n: number
  data: Uint8Array
}

/**
 * Each vehicle's fixes as chunks that never overlap and follow each other in time, so "the last fix
 * at or before T" is always in the one chunk starting last before T.
 */
export class ChunkStore {
  constructor(private readonly h: HistoryDb) {}

  /**
   * Adds one vehicle's fixes (sorted, each time once). The usual case appends after the last chunk,
   * topping it up first; late fixes (a delayed delivery) rewrite the chunks they fall between.
   * Returns how many of the fixes were already stored (dropped as duplicates).
   */
  merge(asset: number, fixes: FixColumns): number {
    if (fixes.length === 0) return 0
    const first = fixes.t[0]!
    const last = this.lastChunk(asset)
    if (!last || first > last.t1) {
      if (last && last.n < CHUNK_MAX_FIXES && first - last.t0 < CHUNK_MAX_SPAN_MS) {
        this.delete(last.id)
        this.write(asset, concatFixes([decodeRow(last, asset), fixes]))
      } else {
        this.write(asset, fixes)
      }
      return 0
    }
    const end = fixes.t[fixes.length - 1]!
    const start = num(
      this.h
        .stmt('SELECT t0 FROM chunks WHERE asset = ? AND t0 <= ? ORDER BY t0 DESC LIMIT 1')
        .get(asset, first)?.['t0'] ?? first,
    )
    const rows = this.h
      .stmt('SELECT id, t0, t1, n, data FROM chunks WHERE asset = ? AND t0 >= ? AND t0 <= ? ORDER BY t0')
      .all(asset, start, end)
      .map(toChunkRow)
    const before = rows.reduce((sum, row) => sum + row.n, 0) + fixes.length
    // Stored chunks first, new fixes last: on an equal time the new one wins (sortedUnique keeps the last).
    const combined = sortedUnique(concatFixes([...rows.map((row) => decodeRow(row, asset)), fixes]))
    for (const row of rows) this.delete(row.id)
    this.write(asset, combined)
    return before - combined.length
  }

  /** The vehicle's fixes in [from, to], oldest first. */
  between(asset: number, from: number, to: number): FixColumns {
    const start = num(
      this.h
        .stmt('SELECT t0 FROM chunks WHERE asset = ? AND t0 <= ? ORDER BY t0 DESC LIMIT 1')
        .get(asset, from)?.['t0'] ?? from,
    )
    const rows = this.h
      .stmt('SELECT id, t0, t1, n, data FROM chunks WHERE asset = ? AND t0 >= ? AND t0 <= ? ORDER BY t0')
      .all(asset, start, to)
      .map(toChunkRow)
    return concatFixes(rows.map((row) => decodeRow(row, asset)))
  }

  /** The chunk a vehicle's last fix at or before `at` is in, or undefined. */
  chunkAtOrBefore(asset: number, at: number): ChunkRow | undefined {
    const row = this.h
      .stmt('SELECT id, t0, t1, n, data FROM chunks WHERE asset = ? AND t0 <= ? ORDER BY t0 DESC LIMIT 1')
      .get(asset, at)
    return row && toChunkRow(row)
  }

  private lastChunk(asset: number): ChunkRow | undefined {
    const row = this.h
      .stmt('SELECT id, t0, t1, n, data FROM chunks WHERE asset = ? ORDER BY t0 DESC LIMIT 1')
      .get(asset)
    return row && toChunkRow(row)
  }

  private delete(id: number): void {
    this.h.stmt('DELETE FROM chunks WHERE id = ?').run(id)
  }

  /** Sorted fixes as consecutive chunks, each within the size and span limits. */
  private write(asset: number, fixes: FixColumns): void {
    const insert = this.h.stmt('INSERT INTO chunks (asset, t0, t1, n, data) VALUES (?, ?, ?, ?, ?)')
    let from = 0
    while (from < fixes.length) {
      let to = from + 1
      while (
        to < fixes.length &&
        to - from < CHUNK_MAX_FIXES &&
        fixes.t[to]! - fixes.t[from]! < CHUNK_MAX_SPAN_MS
      )
        to++
      insert.run(asset, fixes.t[from]!, fixes.t[to - 1]!, to - from, encodeChunk(fixes, from, to))
      from = to
    }
  }
}

function toChunkRow(row: Record<string, unknown>): ChunkRow {
  return {
    id: num(row['id'] as number),
    t0: num(row['t0'] as number),
    t1: num(row['t1'] as number),
    n: num(row['n'] as number),
    data: row['data'] as Uint8Array,
  }
}

function decodeRow(row: ChunkRow, asset: number): FixColumns {
  return decodeChunk(row.data, row.n, row.t0, asset)
}
