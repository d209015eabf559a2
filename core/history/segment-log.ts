import type { FixColumns } from './fix-columns'
import { concatFixes } from './fix-columns'
import { decodeSegment, encodeSegment } from './fix-codec'
import type { HistoryDb } from './history-db'
import { num } from './history-db'

/**
 * The write-ahead tail: each write of the recorder is ONE row, appended at the end of the table, so
 * a write costs one insert however many vehicles it holds (a row per fix, clustered by vehicle, costs
 * a dirty page per vehicle per commit: ~9 µs a fix here, against ~0.1 µs). The compactor folds the
 * tail into per-vehicle chunks every minute; until then queries read it from here.
 */
export class SegmentLog {
  constructor(private readonly h: HistoryDb) {}

  /** One write: the fixes (asset = database key) as one segment, in its own transaction. */
  append(fixes: FixColumns): void {
    if (fixes.length === 0) return
    let tMin = Infinity
    let tMax = -Infinity
    for (let i = 0; i < fixes.length; i++) {
      const t = fixes.t[i]!
      if (t < tMin) tMin = t
      if (t > tMax) tMax = t
    }
    this.h.transaction(() => {
      this.h
        .stmt('INSERT INTO segments (t_min, t_max, n, data) VALUES (?, ?, ?, ?)')
        .run(Math.round(tMin), Math.round(tMax), fixes.length, encodeSegment(fixes))
      this.h.addToCounter('fixes', fixes.length)
    })
  }

  /** Every segment holding a fix in [from, to], decoded and joined in write order. */
  readBetween(from: number, to: number): FixColumns {
    const rows = this.h
      .stmt('SELECT n, data FROM segments WHERE t_max >= ? AND t_min <= ? ORDER BY id')
      .all(from, to)
    return concatFixes(rows.map((row) => decodeSegment(row['data'] as Uint8Array, num(row['n']))))
  }

  /** The whole tail and the id of its newest row (the compactor deletes up to it). */
  readAll(): { fixes: FixColumns; lastId: number } {
    const rows = this.h.stmt('SELECT id, n, data FROM segments ORDER BY id').all()
    const lastId = rows.length === 0 ? 0 : num(rows[rows.length - 1]!['id'])
    return {
      fixes: concatFixes(rows.map((row) => decodeSegment(row['data'] as Uint8Array, num(row['n'])))),
      lastId,
    }
  }

  /** Fixes waiting in the tail (the compactor runs early when it grows large). */
  pendingFixes(): number {
    return num(this.h.stmt('SELECT coalesce(sum(n), 0) AS n FROM segments').get()?.['n'])
  }

  /** Oldest fix time in the tail, or null. */
  oldest(): number | null {
    const value = this.h.stmt('SELECT min(t_min) AS t FROM segments').get()?.['t']
    return value === null || value === undefined ? null : num(value)
  }

  deleteUpTo(lastId: number): void {
    this.h.stmt('DELETE FROM segments WHERE id <= ?').run(lastId)
  }
}
