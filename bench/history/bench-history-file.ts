import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HistoryClient } from '../../core/history/history-client'
import { HISTORY_FILE } from '../../core/history/history-file'
import type { AppendBatch, HistoryOp, HistoryOps } from '../../core/history/worker-protocol'
import { silentLogger } from '../../core/logging/logger'
import { sourceHistoryWorker } from '../../test/support/history-worker-kit'

export const BENCH_SCOPE = 'bench'
const RETENTION = { maxAgeMs: 3650 * 86_400_000, maxBytes: 64 * 1024 ** 3 }

/** A history file in a scratch folder behind the real worker, written the way the recorder writes. */
export interface BenchHistory {
  dir: string
  call<K extends HistoryOp>(op: K, args: HistoryOps[K]['args']): Promise<HistoryOps[K]['result']>
  /** Sends every batch at once and resolves when the worker has committed them all. */
  writeAll(batches: AppendBatch[]): Promise<void>
  close(): Promise<void>
}

export async function openBenchHistory(
  dir = mkdtempSync(join(tmpdir(), 'bench-history-')),
): Promise<BenchHistory> {
  let committed = 0
  let waiting: { total: number; resolve(): void } | null = null
  const client = new HistoryClient(
    sourceHistoryWorker(),
    {
      onAppended: (_seq, fixes) => {
        committed += fixes
        if (waiting && committed >= waiting.total) waiting.resolve()
      },
      onNotice: () => undefined,
      onProblem: (error) => process.stderr.write(`[bench] history problem: ${JSON.stringify(error)}\n`),
      onGone: () => undefined,
    },
    silentLogger,
  )
  await client.call('open', { path: join(dir, HISTORY_FILE), retention: RETENTION })
  let seq = 0
  return {
    dir,
    call: (op, args) => client.call(op, args),
    writeAll(batches) {
      const total = committed + batches.reduce((sum, b) => sum + b.t.length, 0)
      const done = new Promise<void>((resolve) => (waiting = { total, resolve }))
      for (const batch of batches) client.append(++seq, batch)
      return done
    },
    close: () => client.close(),
  }
}

/**
 * One write's worth of fixes: `vehicles` vehicles from `firstVehicle`, each at time `t` (epoch ms),
 * moving along a line so positions differ fix to fix.
 */
export function fleetBatch(firstVehicle: number, vehicles: number, t: number, step: number): AppendBatch {
  const assets = Array.from({ length: vehicles }, (_, i) => `vehicle-${firstVehicle + i}`)
  return {
    scope: BENCH_SCOPE,
    assets,
    asset: Uint32Array.from({ length: vehicles }, (_, i) => i),
    t: new Float64Array(vehicles).fill(t),
    lat: Float64Array.from(
      { length: vehicles },
      (_, i) => 19 + ((firstVehicle + i) % 1000) / 1000 + step * 1e-5,
    ),
    lng: Float64Array.from(
      { length: vehicles },
      (_, i) => -99.5 + (firstVehicle + i) / 100_000 + step * 1e-5,
    ),
    speed: new Float32Array(vehicles).fill(42.5),
    heading: Float32Array.from({ length: vehicles }, (_, i) => (i * 7 + step) % 360),
  }
}
