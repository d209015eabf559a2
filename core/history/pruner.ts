import { CHUNK_MAX_SPAN_MS } from './chunk-store'
import type { HistoryDb } from './history-db'
import { num } from './history-db'

export interface RetentionPolicy {
  /** Fixes and cleared alarms older than this go. */
  maxAgeMs: number
  /** Bytes of data (not free pages) the file may hold; the oldest chunks go first past it. */
  maxBytes: number
}

/** Chunks one step deletes at most (~4 MB): a step takes milliseconds, never a long lock. */
export const PRUNE_STEP_CHUNKS = 1000
/** Free pages handed back to the OS per step. */
const VACUUM_STEP_PAGES = 2000

/** Bytes the file's pages hold, free pages excepted. */
export function usedBytes(h: HistoryDb): number {
  return (h.pragmaNumber('page_count') - h.pragmaNumber('freelist_count')) * h.pragmaNumber('page_size')
}

/**
 * One small step of pruning: chunks older than the retention (whole chunks: a chunk spans at most an
 * hour, so nothing younger than the limit goes), or while the file is over its cap the oldest chunks
 * whatever their age; cleared alarms past the retention; then some free pages back to the OS.
 * Returns true while there is more to do (the caller schedules the next step soon, not at once).
 */
export function pruneStep(h: HistoryDb, policy: RetentionPolicy, now: number): boolean {
  const cutoff = now - policy.maxAgeMs - CHUNK_MAX_SPAN_MS
  const overCap = usedBytes(h) > policy.maxBytes
  const rows = overCap
    ? h.stmt('SELECT id, n FROM chunks ORDER BY t0 LIMIT ?').all(PRUNE_STEP_CHUNKS)
    : h.stmt('SELECT id, n FROM chunks WHERE t0 < ? ORDER BY t0 LIMIT ?').all(cutoff, PRUNE_STEP_CHUNKS)
  h.transaction(() => {
    const remove = h.stmt('DELETE FROM chunks WHERE id = ?')
    let fixes = 0
    for (const row of rows) {
      remove.run(num(row['id']))
      fixes += num(row['n'])
    }
    h.addToCounter('fixes', -fixes)
    h.stmt("DELETE FROM alarms WHERE state = 'cleared' AND raised_at < ?").run(now - policy.maxAgeMs)
  })
  if (h.pragmaNumber('freelist_count') > 0) h.db.exec(`PRAGMA incremental_vacuum(${VACUUM_STEP_PAGES})`)
  return rows.length === PRUNE_STEP_CHUNKS || (overCap && rows.length > 0)
}
