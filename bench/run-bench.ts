import { rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname } from 'node:path'
import { launchChromium } from '../test/support/chromium'
import { runE2e } from './e2e/run-e2e'
import { runHistoryBench } from './history/run-history'
import { ingestAgainstCeiling } from './ingest/against-ceiling'
import type { AgainstCeiling } from './ingest/against-ceiling'
import { runIngest } from './ingest/run-ingest'
import type { IngestMode, IngestResult } from './ingest/run-ingest'
import { median, round } from './lib/stats'
import { serveFolder } from './lib/static-server'
import { buildBenchPage } from './map/build-page'
import { pageDriver } from './map/page-driver'
import { FLEET_SPREAD, MAP_ZOOM, measureScene, runMap } from './map/run-map'
import { measureRendererMemory } from './memory/renderer-memory'
import { measureStoreMemory } from './memory/store-memory'
import { goalSummary, summarize } from './summary'
import { selectSections } from './bench-sections'
import type { Section } from './bench-sections'

/**
 * `npm run bench`: one JSON document on stdout, a short summary on stderr. Everything is measured
 * on this machine in this run; other processes on it share the cores (see `machine.loadAvg`).
 */
const INGEST_MODES: IngestMode[] = [
  { eventsPerPost: 1, posts: 8000, warmupPosts: 800, concurrency: 8 },
  { eventsPerPost: 50, posts: 1200, warmupPosts: 100, concurrency: 8 },
]
/** Ceiling-then-run rounds per ingest mode; the median round's ratio is reported. */
const INGEST_ROUNDS = 3
const MAP_COUNTS = [1000, 10_000, 50_000]
const MEMORY_ASSETS = 50_000

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

async function ingestSection() {
  const modes: AgainstCeiling[] = []
  for (const mode of INGEST_MODES) {
    log(`ingest, ${mode.eventsPerPost} event(s)/POST against the verify ceiling, ${INGEST_ROUNDS} rounds…`)
    modes.push(await ingestAgainstCeiling(mode, INGEST_ROUNDS))
  }
  // The same modes with the history recorder on (issue 15), alternating off and on three times after
  // the runs above, so both see the same warm process and the same machine; medians are compared.
  const withHistory = []
  for (const mode of INGEST_MODES) {
    log(`ingest, ${mode.eventsPerPost} event(s)/POST, history off vs on…`)
    const off: IngestResult[] = []
    const on: IngestResult[] = []
    for (let pair = 0; pair < 3; pair++) {
      off.push(await runIngest(mode))
      on.push(await runIngest(mode, { history: true }))
    }
    const pps = (runs: IngestResult[]) => runs.map((r) => r.postsPerSecond)
    withHistory.push({
      eventsPerPost: mode.eventsPerPost,
      postsPerSecondOff: pps(off),
      postsPerSecondOn: pps(on),
      ratio: round(median(pps(on)) / median(pps(off)), 3),
      pairRatios: on.map((r, i) => round(r.postsPerSecond / off[i]!.postsPerSecond, 3)),
      lostOn: on.map((r) => r.lost),
      postToStoreP99On: on.map((r) => r.postToStoreMs.p99),
      postToStoreP99Off: off.map((r) => r.postToStoreMs.p99),
      historyStoredVsAccepted: on.map((r) => r.history),
    })
  }
  return {
    withHistory: {
      note: 'Each mode again with the history recorder on (accepted fixes buffered on the listener thread, written by the history worker every 500 ms), alternating with runs without it. ratio = median POST/s on ÷ median off; pairRatios: each run on ÷ the run off just before it (other processes on a shared machine move single runs by tens of percent). historyStoredVsAccepted: fixes in the file after the run (warm-up included) and fixes the store accepted; equal means zero loss.',
      modes: withHistory,
    },
    note: "Signed POSTs over loopback keep-alive from a separate process (requests signed and built beforehand, sent on raw sockets like wrk) into the real listener and TelemetryStore on this thread (signatures are checked in batches on one worker thread: signature-worker.ts). verifyCeilingPerSecond: node:crypto ed25519 verify alone on one core for a body of that size, measured just before each run; postsVsCeiling = POST/s ÷ that, the median of the rounds (each in rounds[]); the other numbers are that round's run, lost is summed over all rounds and the uncounted warm-up run before them (processWarmupPostsPerSecond: the first run in a process, while the JIT still compiles the hot path). cpuMicrosPerPost: CPU time per POST of the listener process, its event-loop thread, and the sender process.",
    modes,
  }
}

/** The 50k scene's alternatives, measured beside the app's choice in the same run (issue 17). */
async function mapApproaches(page: Parameters<typeof measureScene>[0]) {
  const scene = { kind: 'canvas' as const, assets: 50_000, zoom: MAP_ZOOM, spread: FLEET_SPREAD }
  return {
    note: 'The 50k row again with another drawing choice each, same fleet, same batches. The app (the 50k row): motion on, squares above 3,000 in view, a glide redrawn once its fastest vehicle moved half a pixel. everyFrameRedrawn: the same but every frame redrawn (as if every vehicle moved visibly each frame: the worst case motion can cost); arrowsEverywhere: every frame redrawn without the level of detail (every vehicle a sprite arrow, ~12,500 in view); motionOff: every fix a jump (frames drawn only for batches and pans). Other approaches (WebGL on SwiftShader, OffscreenCanvas in a worker, Path2D arrows) were measured once before choosing: README, Performance.',
    everyFrameRedrawn: await measureScene(page, { ...scene, options: { motionStepPx: 0 } }),
    arrowsEverywhere: await measureScene(page, {
      ...scene,
      options: { arrowsMaxInView: 1e9, motionStepPx: 0 },
    }),
    motionOff: await measureScene(page, { ...scene, options: { motion: false } }),
  }
}

async function browserSections(sections: Set<Section>) {
  log('building the bench page…')
  const dir = await buildBenchPage()
  const server = await serveFolder(dir)
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    page.on('pageerror', (error) => log(`page error: ${error.message}`))
    await page.goto(`${server.origin}/`)
    await page.waitForFunction(() => 'bench' in globalThis)
    let map = null
    if (sections.has('map')) {
      log('map: canvas layer vs L.marker…')
      const rows = await runMap(page, MAP_COUNTS)
      log('map: worst case, clustered overview, approaches side by side…')
      // Every one of 10k assets inside the view at zoom 12: what the canvas costs per asset drawn.
      const dense = await measureScene(page, { kind: 'canvas', assets: 10_000, zoom: MAP_ZOOM, spread: 1 })
      // Zoomed out below CLUSTER_BELOW_ZOOM the layer draws supercluster clusters instead.
      const overview = await measureScene(page, {
        kind: 'canvas',
        assets: 50_000,
        zoom: 10,
        spread: FLEET_SPREAD,
      })
      map = { rows, dense, overview, approaches: await mapApproaches(page) }
    }
    let rendererMemory = null
    if (sections.has('memory')) {
      log('renderer memory…')
      rendererMemory = await measureRendererMemory(context, page, MEMORY_ASSETS)
    }
    let e2e = null
    if (sections.has('e2e')) {
      log('end to end…')
      e2e = await runE2e(server.server, server.origin, pageDriver(page), {
        assets: 10_000,
        eventsPerPost: 50,
        seconds: 5,
        warmupSeconds: 1,
        zoom: MAP_ZOOM,
      })
    }
    return { map, rendererMemory, e2e }
  } finally {
    await context.close()
    await server.close()
    rmSync(dirname(dir), { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const sections = selectSections(process.argv.slice(2), process.env)
  const started = Date.now()
  const loadBefore = loadavg()
  const ingest = sections.has('ingest') ? await ingestSection() : null
  const history = sections.has('history') ? await runHistoryBench(log) : null
  let storeMemory = null
  if (sections.has('memory')) {
    log('main-process memory…')
    storeMemory = await measureStoreMemory(MEMORY_ASSETS, 5)
  }
  const browser =
    sections.has('map') || sections.has('memory') || sections.has('e2e')
      ? await browserSections(sections)
      : { map: null, rendererMemory: null, e2e: null }
  const report = {
    sections: [...sections],
    machine: {
      node: process.version,
      cpus: cpus().length,
      loadAvgBefore: loadBefore.map((n) => round(n)),
      loadAvgAfter: loadavg().map((n) => round(n)),
      chromium: 'headless /usr/bin/chromium, --disable-gpu (software raster), viewport 1400×860',
    },
    ingest,
    history: history && {
      note: "The history database through its real worker thread, on this machine's disk (tmp). writes: 10,000 vehicles at 1 Hz for 100 s sent as the recorder sends them (writes of 5,000), first write to last commit; then folded into per-vehicle chunks. oneVehicleDay: 86,400 fixes read back for replay (worker → main as typed arrays), first read and 6 more. fleetRewind: 10,000 vehicles, 30 min at one fix per 15 s, every vehicle at 9 minutes of it. restore50k: 50,000 vehicles from a closed file into a TelemetryStore (openMs: worker thread start + file open; restoreMs: query + apply, what sign-in waits for). Bytes per fix after folding and a checkpoint: used = data pages, file = with the tail's freed pages the pruner hands back later.",
      ...history,
    },
    map: browser.map && {
      note: 'Headless Chromium, no basemap. rows: zoom 12 (no clustering), the fleet spread evenly over 2× the view width and height (≈1/4 in view; the canvas culls the rest, every L.marker keeps its DOM node). batch: one batch moving every asset (median of 5): applyMs = store/markers update (for the canvas: the columns and the motion model), drawMs = canvas repaint in its animation frame, paintedMs = apply start → the frame after the one showing it. frameMs: requestAnimationFrame deltas, every frame counted, with motion on for the canvas (vehicles glide over their 1 s report interval, so the canvas is redrawn every frame), 4 s still and 4 s panned by map.panBy every frame, a batch moving every asset landing once a second as its own task (its frames are included). ratio = naive ÷ canvas (panFrameP95 from frameMs.panning).',
      rows: browser.map.rows,
      denseWorstCase10kAllInView: browser.map.dense,
      clusteredOverview50k: {
        note: 'Zoom 10, below CLUSTER_BELOW_ZOOM: supercluster clusters, built and queried in a Web Worker (cluster-worker.ts) with new data at most every 500 ms; the main thread draws the last clusters it received, so batch timings here can show a repaint with the previous clusters.',
        ...browser.map.overview,
      },
      approaches50k: browser.map.approaches,
    },
    endToEnd: browser.e2e && {
      note: 'POST start → first animation frame after the canvas layer repainted with it, acked to node over the socket (one monotonic clock). Composed from the real listener, TelemetryStore, batch pump (100 ms), wire codec over a loopback WebSocket, telemetry slice and AssetCanvasLayer; not the built web host, whose --demo simulator signs with keys the bench does not hold. postToBatchSentMs stops where the batch leaves main. With motion on, the frame that draws a batch is the one where its vehicles start gliding towards their new fixes (they arrive over their report interval).',
      ...browser.e2e,
    },
    memory: storeMemory &&
      browser.rendererMemory && {
        mainProcess: {
          note: 'TelemetryStore, heap + ArrayBuffers after GC (node --expose-gc), events from the real parser',
          ...storeMemory,
        },
        renderer: {
          note: 'CDP JSHeapUsedSize after HeapProfiler.collectGarbage, 50k-asset canvas scene minus an empty one, plus the typed-array columns',
          ...browser.rendererMemory,
        },
      },
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
  }
  const withSummary = { summary: goalSummary(report), ...report }
  process.stdout.write(JSON.stringify(withSummary, null, 2) + '\n')
  process.stderr.write(summarize(withSummary) + '\n')
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
})
