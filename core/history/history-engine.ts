import { statSync } from 'node:fs'
import type { HistoryRange } from '../../shared/domain/history'
import { AlarmRows } from './alarm-rows'
import { ChunkStore } from './chunk-store'
import { compact, COMPACT_AT_FIXES } from './compactor'
import { fleetAt } from './fleet-query'
import { allocFixes } from './fix-columns'
import type { HistoryDb } from './history-db'
import { num } from './history-db'
import type { HistoryOps } from './worker-protocol'
import type { AppendBatch } from './worker-protocol'
import { pruneStep, usedBytes } from './pruner'
import type { RetentionPolicy } from './pruner'
import { SegmentLog } from './segment-log'
import { tracksBetween } from './track-query'
import { WriteRate } from './write-rate'

/**
 * Everything the history worker does with an open file: writes, queries, compaction, pruning,
 * statistics. Synchronous; one per open file (a file moved aside gets a new engine).
 */
export class HistoryEngine {
  private readonly segments: SegmentLog
  private readonly chunks: ChunkStore
  private readonly alarms: AlarmRows
  private readonly rate = new WriteRate(10_000)

  constructor(
    private readonly h: HistoryDb,
    /** The file's path, for its size on disk (null in memory). */
    private readonly path: string | null,
    private retention: RetentionPolicy,
  ) {
    this.segments = new SegmentLog(h)
    this.chunks = new ChunkStore(h)
    this.alarms = new AlarmRows(h)
  }

  /** One write of the recorder, committed before it returns. */
  append(batch: AppendBatch, now: number): number {
    const n = batch.t.length
    const scope = this.h.scopeId(batch.scope)
    const keys = this.h.transaction(() => this.h.keysFor(scope, batch.assets))
    const fixes = allocFixes(n)
    for (let i = 0; i < n; i++) fixes.asset[i] = keys[batch.asset[i]!]!
    fixes.t.set(batch.t)
    fixes.lat.set(batch.lat)
    fixes.lng.set(batch.lng)
    fixes.speed.set(batch.speed)
    fixes.heading.set(batch.heading)
    this.segments.append(fixes)
    this.rate.add(now, n)
    if (this.segments.pendingFixes() >= COMPACT_AT_FIXES) this.compact()
    return n
  }

  compact(): { fixes: number } {
    return compact(this.h, this.segments, this.chunks)
  }

  /** One pruning step; true while there is more to prune. */
  prune(now: number): boolean {
    return pruneStep(this.h, this.retention, now)
  }

  setRetention(policy: RetentionPolicy): void {
    this.retention = policy
  }

  fleetAt(scope: string, at: number): HistoryOps['fleetAt']['result'] {
    return fleetAt(this.h, this.chunks, this.segments, this.h.scopeId(scope), at)
  }

  tracks(args: HistoryOps['tracks']['args']): HistoryOps['tracks']['result'] {
    const scope = this.h.scopeId(args.scope)
    return tracksBetween(this.h, this.chunks, this.segments, scope, args.assetIds, args.from, args.to)
  }

  /** First and last fix of a scope: per vehicle, its first and last chunk (index seeks), and the tail. */
  range(scopeKey: string): HistoryRange {
    const scope = this.h.scopeId(scopeKey)
    const row = this.h
      .stmt(
        `SELECT min((SELECT t0 FROM chunks WHERE asset = a.id ORDER BY t0 LIMIT 1)) AS oldest,
                max((SELECT t1 FROM chunks WHERE asset = a.id ORDER BY t0 DESC LIMIT 1)) AS newest
         FROM assets a WHERE a.scope = ?`,
      )
      .get(scope)
    const keys = this.h.assetsOf(scope)
    const tail = this.segments.readBetween(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
    let tailOldest: number | null = null
    let tailNewest: number | null = null
    for (let i = 0; i < tail.length; i++) {
      if (!keys.has(tail.asset[i]!)) continue
      const t = tail.t[i]!
      if (tailOldest === null || t < tailOldest) tailOldest = t
      if (tailNewest === null || t > tailNewest) tailNewest = t
    }
    return {
      oldest: earliest(row?.['oldest'], tailOldest),
      newest: latest(row?.['newest'], tailNewest),
    }
  }

  stats(now: number): HistoryOps['stats']['result'] {
    const oldestChunk = this.h.stmt('SELECT min(t0) AS t FROM chunks').get()?.['t']
    return {
      fileBytes: this.path ? sizeOf(this.path) + sizeOf(`${this.path}-wal`) : 0,
      usedBytes: usedBytes(this.h),
      fixes: this.h.counter('fixes'),
      oldestFix: earliest(oldestChunk, this.segments.oldest()),
      writesPerSecond: this.rate.perSecond(now),
    }
  }

  saveAlarms(scope: string, alarms: HistoryOps['saveAlarms']['args']['alarms']): void {
    this.alarms.save(this.h.scopeId(scope), alarms)
  }

  loadAlarms(scope: string, limit: number): HistoryOps['loadAlarms']['result'] {
    return this.alarms.load(this.h.scopeId(scope), limit)
  }

  close(): void {
    this.h.close()
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function earliest(a: unknown, b: unknown): number | null {
  const values = [a, b].filter((v): v is number | bigint => typeof v === 'number' || typeof v === 'bigint')
  return values.length === 0 ? null : Math.min(...values.map((v) => num(v)))
}

function latest(a: unknown, b: unknown): number | null {
  const values = [a, b].filter((v): v is number | bigint => typeof v === 'number' || typeof v === 'bigint')
  return values.length === 0 ? null : Math.max(...values.map((v) => num(v)))
}
