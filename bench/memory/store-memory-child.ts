import { parseTelemetryBody } from '../../core/telemetry/parse-telemetry'
import { TelemetryStore } from '../../core/telemetry/telemetry-store'
import { systemClock } from '../../core/ports/clock'
import { benchEvent } from '../ingest/bench-events'
import type { KeySpace } from '../ingest/bench-events'

/**
 * Run with --expose-gc (see store-memory.ts). Prints one JSON line: the heap and ArrayBuffer growth
 * of a TelemetryStore holding ASSETS assets with TRAIL_POINTS fixes each, events parsed by the real
 * parser so the kept `extra` fields are the simulator's.
 */
const ASSETS = Number(process.argv[2] ?? 50_000)
const TRAIL_POINTS = Number(process.argv[3] ?? 5)

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('store-memory-child needs node --expose-gc')

function used(): { heap: number; buffers: number } {
  for (let i = 0; i < 3; i++) gc!()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, buffers: m.arrayBuffers }
}

const space: KeySpace = { assets: ASSETS, baseTime: Date.now() - 60_000 }
const store = new TelemetryStore({ clock: systemClock })
const before = used()
for (let round = 0; round < TRAIL_POINTS; round++) {
  const raw = []
  for (let asset = 0; asset < ASSETS; asset++) raw.push(benchEvent(round * ASSETS + asset, space))
  const parsed = parseTelemetryBody({ events: raw }, { now: Date.now(), resolveAssetId: () => undefined })
  store.apply(parsed.events)
}
const after = used()
const heap = (after.heap - before.heap) / ASSETS
const buffers = (after.buffers - before.buffers) / ASSETS
process.stdout.write(
  JSON.stringify({
    assets: store.size,
    trailPoints: TRAIL_POINTS,
    heapBytesPerAsset: Math.round(heap),
    arrayBufferBytesPerAsset: Math.round(buffers),
    totalBytesPerAsset: Math.round(heap + buffers),
  }) + '\n',
)
