import type { Page } from '@playwright/test'
import { median, monoMs, round, spread } from '../lib/stats'
import type { Spread } from '../lib/stats'
import type { SceneKind, SceneOptions, UpdateTiming } from './bench-page-api'
import { pageDriver } from './page-driver'

/** Zoom 12 over Mexico City: above the clustering threshold (11), so every asset in view is drawn one by one. */
export const MAP_ZOOM = 12
/**
 * The fleet covers twice the view's width and height (a metro area seen a district at a time), so
 * about a quarter of it is in view: the canvas culls the rest, Leaflet markers keep a DOM node each.
 */
export const FLEET_SPREAD = 2
/** Past this, one L.marker per asset is not measured: a trial at 50k took over two minutes. */
const NAIVE_MAX_ASSETS = 10_000
/** Each frame measurement: 4 s with a batch every second (4 batches), at least 8 frames, at most 12 s. */
const FRAMES = { durationMs: 4000, minFrames: 8, maxMs: 12_000, updateEveryMs: 1000 }

export interface SceneSpec {
  kind: SceneKind
  assets: number
  zoom: number
  spread: number
  options?: SceneOptions
}

export type FrameSpread = Pick<Spread, 'n' | 'p50' | 'p95' | 'max'>

export interface SceneResult {
  zoom: number
  fleetSpread: number
  setupMs: number
  /** Medians over up to 5 batches that each move every asset. */
  batch: { samples: number; applyMs: number; drawMs: number | null; paintedMs: number }
  /**
   * requestAnimationFrame deltas over 4 s each, every frame counted, including those that apply one
   * of the 1 Hz batches (which land as tasks between frames): the map still, and panned every frame.
   */
  frameMs: { motion: 'on' | 'off' | 'none'; still: FrameSpread; panning: FrameSpread }
  /**
   * The canvas layer's own draws during those frames (p50/p95/max, still and panning; n draws): what
   * this code costs, apart from what the machine's other load adds to the frame times. null: naive.
   */
  layerDrawMs: { still: FrameSpread; panning: FrameSpread } | null
}

export interface MapRow {
  assets: number
  canvas: SceneResult
  naive: SceneResult | { skipped: string }
  /** naive ÷ canvas: above 1 the canvas layer is that many times faster. */
  ratio: { batchPainted: number; panFrameP95: number } | null
}

function ratio(canvas: SceneResult, naive: SceneResult | { skipped: string }): MapRow['ratio'] {
  if ('skipped' in naive) return null
  return {
    batchPainted: round(naive.batch.paintedMs / canvas.batch.paintedMs),
    panFrameP95: round(naive.frameMs.panning.p95 / canvas.frameMs.panning.p95),
  }
}

export async function measureScene(page: Page, spec: SceneSpec): Promise<SceneResult> {
  const bench = pageDriver(page)
  const t0 = monoMs()
  await bench.setup(spec.kind, spec.assets, spec.zoom, spec.spread, spec.options)
  const setupMs = monoMs() - t0
  const timings: UpdateTiming[] = []
  const updatesStarted = monoMs()
  // Five samples, or three when a scene is so slow that five would eat the time budget.
  while (timings.length < 5 && (timings.length < 3 || monoMs() - updatesStarted < 5000)) {
    timings.push(await bench.update())
  }
  const stillTimes = await bench.frames({ ...FRAMES, panning: false })
  const panTimes = await bench.frames({ ...FRAMES, panning: true })
  const still = spread(stillTimes.deltas)
  const panning = spread(panTimes.deltas)
  const four = (f: Spread): FrameSpread => ({ n: f.n, p50: f.p50, p95: f.p95, max: f.max })
  const layerDrawMs =
    stillTimes.drawMs.length > 0
      ? { still: four(spread(stillTimes.drawMs)), panning: four(spread(panTimes.drawMs)) }
      : null
  const motion = spec.kind === 'naive' ? 'none' : spec.options?.motion === false ? 'off' : 'on'
  const drawMs = median(timings.map((t) => t.drawMs))
  return {
    zoom: spec.zoom,
    fleetSpread: spec.spread,
    setupMs: Math.round(setupMs),
    batch: {
      samples: timings.length,
      applyMs: round(median(timings.map((t) => t.applyMs))),
      drawMs: Number.isNaN(drawMs) ? null : round(drawMs),
      paintedMs: round(median(timings.map((t) => t.paintedMs))),
    },
    frameMs: { motion, still: four(still), panning: four(panning) },
    layerDrawMs,
  }
}

/** The app's canvas layer against one L.marker per asset, at each fleet size. */
export async function runMap(page: Page, counts: readonly number[]): Promise<MapRow[]> {
  const rows: MapRow[] = []
  let naiveMsPerAsset = 0
  for (const assets of counts) {
    const scene = { assets, zoom: MAP_ZOOM, spread: FLEET_SPREAD }
    const canvas = await measureScene(page, { kind: 'canvas', ...scene })
    let naive: SceneResult | { skipped: string }
    if (assets > NAIVE_MAX_ASSETS) {
      const projected = Math.round((naiveMsPerAsset * assets) / 1000)
      naive = {
        skipped: `capped at ${NAIVE_MAX_ASSETS} markers: the ${NAIVE_MAX_ASSETS} run projects to ${projected} s here (linear; it grows faster), over the bench's budget`,
      }
    } else {
      const t0 = monoMs()
      naive = await measureScene(page, { kind: 'naive', ...scene })
      naiveMsPerAsset = (monoMs() - t0) / assets
    }
    rows.push({ assets, canvas, naive, ratio: ratio(canvas, naive) })
  }
  await pageDriver(page).setup('canvas', 0, MAP_ZOOM, 1)
  return rows
}
