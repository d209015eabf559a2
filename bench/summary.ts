import type { E2eResult } from './e2e/run-e2e'
import type { runHistoryBench } from './history/run-history'
import type { AgainstCeiling } from './ingest/against-ceiling'
import type { MapRow, SceneResult } from './map/run-map'
import type { RendererMemory } from './memory/renderer-memory'
import type { StoreMemory } from './memory/store-memory'

/** A section not run (`--sections=`) is null. */
export interface SummaryInput {
  machine: { cpus: number; loadAvgBefore: number[]; loadAvgAfter: number[] }
  ingest: {
    modes: AgainstCeiling[]
    withHistory: { modes: { eventsPerPost: number; ratio: number; lostOn: number[] }[] }
  } | null
  history: Awaited<ReturnType<typeof runHistoryBench>> | null
  map: {
    rows: MapRow[]
    denseWorstCase10kAllInView: SceneResult
    clusteredOverview50k: SceneResult
    approaches50k: { everyFrameRedrawn: SceneResult; arrowsEverywhere: SceneResult; motionOff: SceneResult }
  } | null
  endToEnd: E2eResult | null
  memory: { mainProcess: StoreMemory; renderer: RendererMemory } | null
  elapsedSeconds: number
}

/** The numbers issue 17's goals are judged on, each beside its goal; null where a section did not run. */
export const GOALS = {
  ingestVsCeiling: { atLeast: 0.8 },
  map50kFrameMaxMs: { atMost: 50 },
  map50kFrameP95Ms: { atMost: 20 },
  endToEndP99Ms: { atMost: 150 },
  lost: { atMost: 0 },
} as const

export interface GoalSummary {
  /** 1 event/POST: POST/s ÷ the single-core ed25519 verify ceiling measured in the same run. */
  ingestVsCeiling: number | null
  /** The 50k row with motion on: the longest frame, still or panning. */
  map50kFrameMaxMs: number | null
  /** The 50k row with motion on: the higher p95 of still and panning. */
  map50kFrameP95Ms: number | null
  endToEndP99Ms: number | null
  /** Events lost, summed over every ingest run (history on included) and the end-to-end run. */
  lost: number | null
  goals: typeof GOALS
  /** Each number against its goal: true met, false missed, null not measured. */
  met: Record<keyof typeof GOALS, boolean | null>
}

export function goalSummary(r: SummaryInput): GoalSummary {
  const oneEvent = r.ingest?.modes.find((m) => m.eventsPerPost === 1)
  const row50k = r.map?.rows.find((row) => row.assets === 50_000)?.canvas.frameMs
  const lostParts = [
    ...(r.ingest?.modes.map((m) => m.lost) ?? []),
    ...(r.ingest?.withHistory.modes.flatMap((m) => m.lostOn) ?? []),
    ...(r.endToEnd ? [r.endToEnd.lost] : []),
  ]
  const summary = {
    ingestVsCeiling: oneEvent?.postsVsCeiling ?? null,
    map50kFrameMaxMs: row50k ? Math.max(row50k.still.max, row50k.panning.max) : null,
    map50kFrameP95Ms: row50k ? Math.max(row50k.still.p95, row50k.panning.p95) : null,
    endToEndP99Ms: r.endToEnd?.postToDrawnMs.p99 ?? null,
    lost: lostParts.length > 0 ? lostParts.reduce((a, b) => a + b, 0) : null,
  }
  const judge = (value: number | null, goal: { atLeast?: number; atMost?: number }): boolean | null => {
    if (value === null) return null
    return goal.atLeast !== undefined ? value >= goal.atLeast : value <= (goal.atMost ?? Infinity)
  }
  return {
    ...summary,
    goals: GOALS,
    met: {
      ingestVsCeiling: judge(summary.ingestVsCeiling, GOALS.ingestVsCeiling),
      map50kFrameMaxMs: judge(summary.map50kFrameMaxMs, GOALS.map50kFrameMaxMs),
      map50kFrameP95Ms: judge(summary.map50kFrameP95Ms, GOALS.map50kFrameP95Ms),
      endToEndP99Ms: judge(summary.endToEndP99Ms, GOALS.endToEndP99Ms),
      lost: judge(summary.lost, GOALS.lost),
    },
  }
}

function frames(s: SceneResult): string {
  const { motion, still, panning } = s.frameMs
  return `frames (motion ${motion}) still p50 ${still.p50} / p95 ${still.p95} / max ${still.max} ms, panning p50 ${panning.p50} / p95 ${panning.p95} / max ${panning.max} ms`
}

function scene(s: SceneResult | { skipped: string }): string {
  if ('skipped' in s) return `skipped (${s.skipped})`
  return `batch ${s.batch.paintedMs} ms to paint; ${frames(s)}`
}

function goalLine(name: keyof typeof GOALS, value: number | null, met: boolean | null): string {
  const goal: { atLeast?: number; atMost?: number } = GOALS[name]
  const wanted = goal.atLeast !== undefined ? `≥ ${goal.atLeast}` : `≤ ${goal.atMost}`
  const verdict = met === null ? 'not measured' : met ? 'met' : 'MISSED'
  return `  ${name}: ${value ?? '–'} (goal ${wanted}: ${verdict})`
}

/** A few lines a person can read at a glance; the JSON on stdout has everything. */
export function summarize(r: SummaryInput & { summary: GoalSummary }): string {
  const lines = [
    `Fleet Monitor bench (${r.machine.cpus} cores, load ${r.machine.loadAvgBefore.join(' ')} at start, ${r.machine.loadAvgAfter.join(' ')} at the end, ${r.elapsedSeconds} s)`,
    'goals (issue 17):',
    ...(Object.keys(GOALS) as (keyof typeof GOALS)[]).map((name) =>
      goalLine(name, r.summary[name], r.summary.met[name]),
    ),
  ]
  for (const m of r.ingest?.modes ?? []) {
    lines.push(
      `ingest ${m.eventsPerPost}/POST: ${m.postsPerSecond} POST/s = ${m.eventsPerSecond} events/s, lost ${m.lost}, duplicated ${m.duplicated}; ` +
        `POST→store p50 ${m.postToStoreMs.p50} / p99 ${m.postToStoreMs.p99} ms; verify ceiling ${m.verifyCeilingPerSecond}/s (×${m.postsVsCeiling}, median of rounds ×${m.rounds.map((x) => x.postsVsCeiling).join(' ×')}); CPU µs/POST listener ${m.cpuMicrosPerPost.listener} (its thread ${m.cpuMicrosPerPost.listenerThread}), sender ${m.cpuMicrosPerPost.sender}`,
    )
  }
  for (const m of r.ingest?.withHistory.modes ?? []) {
    lines.push(
      `ingest ${m.eventsPerPost}/POST with history on: ×${m.ratio} of off, lost ${m.lostOn.join('/')}`,
    )
  }
  const h = r.history
  if (h) {
    lines.push(
      `history: writes ${h.writes.fixesPerSecond} fixes/s, ${h.writes.usedBytesPerFix} B/fix (file ${h.writes.fileBytesPerFix}); ` +
        `one vehicle 24 h ready in ${h.oneVehicleDay.readyToPlayMs.p50} ms (first ${h.oneVehicleDay.firstMs}); ` +
        `${h.fleetRewind.vehicles} vehicles rewound in ${h.fleetRewind.rewindMs.p50} ms (max ${h.fleetRewind.rewindMs.max}); ` +
        `${h.restore50k.vehicles} restored in ${h.restore50k.restoreMs} ms (+${h.restore50k.openMs} ms to open)`,
    )
  }
  if (r.map) {
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
    lines.push(`map 50000, every frame redrawn: ${frames(r.map.approaches50k.everyFrameRedrawn)}`)
    lines.push(
      `map 50000, every frame redrawn, arrows everywhere (no level of detail): ${frames(r.map.approaches50k.arrowsEverywhere)}`,
    )
    lines.push(`map 50000, motion off: ${frames(r.map.approaches50k.motionOff)}`)
  }
  const e = r.endToEnd
  if (e) {
    lines.push(
      `end to end (${e.load}): POST→drawn p50 ${e.postToDrawnMs.p50} / p99 ${e.postToDrawnMs.p99} ms, lost ${e.lost}`,
    )
  }
  if (r.memory) {
    lines.push(
      `memory: main ${r.memory.mainProcess.totalBytesPerAsset} B/asset (${r.memory.mainProcess.trailPoints}-point trails), renderer ${r.memory.renderer.totalBytesPerAsset} B/asset at ${r.memory.renderer.assets}`,
    )
  }
  return lines.join('\n')
}
