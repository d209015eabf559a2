import { rmSync } from 'node:fs'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { ShiftHistory } from '../../core/history/shift-history'
import { TelemetryStore } from '../../core/telemetry/telemetry-store'
import { sourceHistoryWorker } from '../../test/support/history-worker-kit'
import { monoMs, round, spread } from '../lib/stats'
import { BENCH_SCOPE, fleetBatch, openBenchHistory } from './bench-history-file'
import type { BenchHistory } from './bench-history-file'
import type { AppendBatch } from '../../core/history/worker-protocol'

const DAY = 86_400_000
/** Recorded time ends an hour ago, so "now" queries see all of it. */
const END = Date.now() - 3_600_000

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = monoMs()
  const value = await work()
  return { ms: round(monoMs() - start), value }
}

/**
 * Size once the tail is folded and the log checkpointed (closed, reopened): bytes of data per fix, and
 * the file's size per fix (it keeps the tail's freed pages until the pruner hands them back).
 */
async function sizeOnDisk(history: BenchHistory) {
  await history.call('compact', {})
  await history.close()
  const reopened = await openBenchHistory(history.dir)
  const stats = await reopened.call('stats', {})
  await reopened.close()
  return {
    storedFixes: stats.fixes,
    usedBytes: stats.usedBytes,
    fileBytes: stats.fileBytes,
    usedBytesPerFix: round(stats.usedBytes / stats.fixes, 1),
    fileBytesPerFix: round(stats.fileBytes / stats.fixes, 1),
  }
}

/** 10,000 vehicles at 1 Hz for 100 s, in writes of 5,000 as the recorder sends them; then folded into chunks. */
async function sustainedWrites() {
  const history = await openBenchHistory()
  try {
    const batches: AppendBatch[] = []
    for (let s = 0; s < 100; s++) {
      const t = END - 100_000 + s * 1000
      batches.push(fleetBatch(0, 5000, t, s), fleetBatch(5000, 5000, t, s))
    }
    const fixes = batches.length * 5000
    const write = await timed(() => history.writeAll(batches))
    const compaction = await timed(() => history.call('compact', {}))
    const size = await sizeOnDisk(history)
    return {
      fixes,
      writeMs: write.ms,
      fixesPerSecond: Math.round(fixes / (write.ms / 1000)),
      compactMs: compaction.ms,
      compactedPerSecond: Math.round(fixes / (compaction.ms / 1000)),
      ...size,
    }
  } finally {
    rmSync(history.dir, { recursive: true, force: true })
  }
}

/** One vehicle's 24 h at 1 Hz, read back as the replay asks for it (worker → main, typed arrays). */
async function oneVehicleDay() {
  const history = await openBenchHistory()
  try {
    const from = END - DAY
    const batches: AppendBatch[] = []
    for (let start = 0; start < 86_400; start += 600) {
      const batch = fleetBatch(0, 1, from, start)
      const n = 600
      batches.push({
        ...batch,
        asset: new Uint32Array(n),
        t: Float64Array.from({ length: n }, (_, i) => from + (start + i) * 1000),
        lat: Float64Array.from({ length: n }, (_, i) => 19.4 + (start + i) * 1e-6),
        lng: new Float64Array(n).fill(-99.1),
        speed: new Float32Array(n).fill(40),
        heading: new Float32Array(n).fill(90),
      })
    }
    await history.writeAll(batches)
    await history.call('compact', {})
    const runs: number[] = []
    let fixes = 0
    for (let i = 0; i < 7; i++) {
      const read = await timed(() =>
        history.call('tracks', { scope: BENCH_SCOPE, assetIds: ['vehicle-0'], from, to: END }),
      )
      fixes = read.value.tracks[0]!.t.length
      runs.push(read.ms)
    }
    const size = await sizeOnDisk(history)
    return { fixes, firstMs: runs[0]!, readyToPlayMs: spread(runs.slice(1)), ...size }
  } finally {
    rmSync(history.dir, { recursive: true, force: true })
  }
}

/** 10,000 vehicles over 30 minutes, a fix every 15 s; the whole fleet rewound to a minute. */
async function fleetRewind() {
  const history = await openBenchHistory()
  try {
    const from = END - 30 * 60_000
    const batches: AppendBatch[] = []
    for (let step = 0; step < 120; step++) {
      batches.push(
        fleetBatch(0, 5000, from + step * 15_000, step),
        fleetBatch(5000, 5000, from + step * 15_000, step),
      )
    }
    await history.writeAll(batches)
    await history.call('compact', {})
    const runs: number[] = []
    let vehicles = 0
    for (let minute = 3; minute < 30; minute += 3) {
      const frame = await timed(() =>
        history.call('fleetAt', { scope: BENCH_SCOPE, at: from + minute * 60_000 }),
      )
      vehicles = frame.value.assetIds.length
      runs.push(frame.ms)
    }
    return { vehicles, fixes: 120 * 10_000, rewindMs: spread(runs) }
  } finally {
    await history.close()
    rmSync(history.dir, { recursive: true, force: true })
  }
}

/** 50,000 vehicles' last known positions, from a closed file to a filled TelemetryStore, as at sign-in. */
async function restore50k() {
  const history = await openBenchHistory()
  const dir = history.dir
  try {
    const batches: AppendBatch[] = []
    for (let step = 0; step < 3; step++) {
      for (let first = 0; first < 50_000; first += 10_000)
        batches.push(fleetBatch(first, 10_000, END - (3 - step) * 60_000, step))
    }
    await history.writeAll(batches)
    await history.call('compact', {})
    await history.close()

    const start = monoMs()
    const shift = new ShiftHistory({
      worker: sourceHistoryWorker(),
      clock: systemClock,
      logger: silentLogger,
      onNotice: () => undefined,
    })
    await shift.start(dir, { maxAgeMs: 3650 * DAY, maxBytes: 64 * 1024 ** 3 })
    const opened = monoMs()
    const frame = await shift.restore(BENCH_SCOPE)
    const read = monoMs()
    const store = new TelemetryStore({ clock: systemClock })
    const restored = store.restore(frame)
    const done = monoMs()
    await shift.stop()
    return {
      vehicles: restored,
      openMs: round(opened - start),
      readMs: round(read - opened),
      applyMs: round(done - read),
      restoreMs: round(done - opened),
      fromProcessStartMs: round(done - start),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runHistoryBench(log: (message: string) => void) {
  log('history: sustained writes…')
  const writes = await sustainedWrites()
  log('history: one vehicle, 24 h…')
  const day = await oneVehicleDay()
  log('history: whole fleet rewound…')
  const rewind = await fleetRewind()
  log('history: 50k last known positions restored…')
  const restore = await restore50k()
  return { writes, oneVehicleDay: day, fleetRewind: rewind, restore50k: restore }
}
