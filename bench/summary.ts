import type { E2eResult } from './e2e/run-e2e'
import type { runHistoryBench } from './history/run-history'
import type { IngestResult } from './ingest/run-ingest'
import type { MapRow, SceneResult } from './map/run-map'
import type { RendererMemory } from './memory/renderer-memory'
import type { StoreMemory } from './memory/store-memory'

export interface SummaryInput {
  machine: { cpus: number; loadAvgBefore: number[] }
  ingest: {
    modes: (IngestResult & { verifyCeilingPerSecond: number; postsVsCeiling: number })[]
    withHistory: { modes: { eventsPerPost: number; ratio: number; lostOn: number[] }[] }
  }
  history: Awaited<ReturnType<typeof runHistoryBench>>
  map: { rows: MapRow[]; denseWorstCase10kAllInView: SceneResult; clusteredOverview50k: SceneResult }
  endToEnd: E2eResult
  memory: { mainProcess: StoreMemory; renderer: RendererMemory }
  elapsedSeconds: number
}

function scene(s: SceneResult | { skipped: string }): string {
  if ('skipped' in s) return `skipped (${s.skipped})`
  return `batch ${s.batch.paintedMs} ms to paint, pan frames p50 ${s.panFrameMs.p50} / p95 ${s.panFrameMs.p95} ms`
}

/** A few lines a person can read at a glance; the JSON on stdout has everything. */
export function summarize(r: SummaryInput): string {
  const lines = [
    `Fleet Monitor bench (${r.machine.cpus} cores, load ${r.machine.loadAvgBefore[0]} at start, ${r.elapsedSeconds} s)`,
  ]
  for (const m of r.ingest.modes) {
    lines.push(
      `ingest ${m.eventsPerPost}/POST: ${m.postsPerSecond} POST/s = ${m.eventsPerSecond} events/s, lost ${m.lost}, duplicated ${m.duplicated}; ` +
        `POST→store p50 ${m.postToStoreMs.p50} / p99 ${m.postToStoreMs.p99} ms; verify ceiling ${m.verifyCeilingPerSecond}/s (×${m.postsVsCeiling})`,
    )
  }
  for (const m of r.ingest.withHistory.modes) {
    lines.push(
      `ingest ${m.eventsPerPost}/POST with history on: ×${m.ratio} of off, lost ${m.lostOn.join('/')}`,
    )
  }
  const h = r.history
  lines.push(
    `history: writes ${h.writes.fixesPerSecond} fixes/s, ${h.writes.usedBytesPerFix} B/fix (file ${h.writes.fileBytesPerFix}); ` +
      `one vehicle 24 h ready in ${h.oneVehicleDay.readyToPlayMs.p50} ms (first ${h.oneVehicleDay.firstMs}); ` +
      `${h.fleetRewind.vehicles} vehicles rewound in ${h.fleetRewind.rewindMs.p50} ms (max ${h.fleetRewind.rewindMs.max}); ` +
      `${h.restore50k.vehicles} restored in ${h.restore50k.restoreMs} ms (+${h.restore50k.openMs} ms to open)`,
  )
  for (const row of r.map.rows) {
    lines.push(`map ${row.assets} canvas: ${scene(row.canvas)}`)
    lines.push(
      `map ${row.assets} L.marker: ${scene(row.naive)}${row.ratio ? ` (naive/canvas painted ×${row.ratio.batchPainted}, pan p95 ×${row.ratio.panFrameP95})` : ''}`,
    )
  }
  lines.push(`map 10000 canvas, all in view (worst case): ${scene(r.map.denseWorstCase10kAllInView)}`)
  lines.push(
    `map 50000 canvas clustered at zoom ${r.map.clusteredOverview50k.zoom}: ${scene(r.map.clusteredOverview50k)}`,
  )
  const e = r.endToEnd
  lines.push(
    `end to end (${e.load}): POST→drawn p50 ${e.postToDrawnMs.p50} / p99 ${e.postToDrawnMs.p99} ms, lost ${e.lost}`,
  )
  lines.push(
    `memory: main ${r.memory.mainProcess.totalBytesPerAsset} B/asset (${r.memory.mainProcess.trailPoints}-point trails), renderer ${r.memory.renderer.totalBytesPerAsset} B/asset at ${r.memory.renderer.assets}`,
  )
  return lines.join('\n')
}
