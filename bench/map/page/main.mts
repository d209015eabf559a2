import 'leaflet/dist/leaflet.css'
import '../../../renderer/src/features/map/map.css'
import type L from 'leaflet'
import type { BenchPage, SceneKind, UpdateTiming } from '../bench-page-api'
import { CanvasScene, fullBatch } from './canvas-scene.mjs'
import { connectWire } from './e2e-client.mjs'
import { NaiveScene } from './naive-scene.mjs'
import { createMap, fleetPositions, nextFrame, prng } from './scene-geometry.mjs'

interface Current {
  kind: SceneKind
  map: L.Map
  canvas: CanvasScene | null
  naive: NaiveScene | null
  lat: Float64Array
  lng: Float64Array
  tick: number
}

let current: Current | null = null
const jitter = prng(7)

function need(): Current {
  if (!current) throw new Error('bench page: call setup() first')
  return current
}

/** Every asset drives a few metres; the batch is built before the clock starts (it arrives ready-made in the app). */
function step(c: Current): void {
  for (let i = 0; i < c.lat.length; i++) {
    c.lat[i] = (c.lat[i] ?? 0) + (jitter() - 0.5) * 0.0004
    c.lng[i] = (c.lng[i] ?? 0) + (jitter() - 0.5) * 0.0004
  }
  c.tick++
}

/** Applies one tick without waiting for paint; returns the synchronous apply time. */
function applyTick(c: Current): number {
  step(c)
  const batch = c.canvas ? fullBatch(c.lat, c.lng, c.tick, false) : null
  const t0 = performance.now()
  if (c.canvas && batch) c.canvas.apply(batch)
  else c.naive?.apply(c.lat, c.lng)
  return performance.now() - t0
}

const bench: BenchPage = {
  async setup(kind, count, zoom, spread, options = {}) {
    current?.canvas?.dispose()
    current?.naive?.dispose()
    current?.map.remove()
    const map = createMap(zoom)
    const { lat, lng } = fleetPositions(map, count, spread)
    const canvas = kind === 'canvas' ? new CanvasScene(map, options) : null
    const naive = kind === 'naive' ? new NaiveScene(map, lat, lng) : null
    canvas?.apply(fullBatch(lat, lng, 0, true))
    current = { kind, map, canvas, naive, lat, lng, tick: 0 }
    await nextFrame()
    await nextFrame()
  },

  async update(): Promise<UpdateTiming> {
    const c = need()
    step(c)
    const batch = c.canvas ? fullBatch(c.lat, c.lng, c.tick, false) : null
    const t0 = performance.now()
    if (c.canvas && batch) c.canvas.apply(batch)
    else c.naive?.apply(c.lat, c.lng)
    const applyMs = performance.now() - t0
    await nextFrame()
    // The layer times its own draw: with motion on it has a frame requested already (the glide),
    // so a callback registered here could not bracket it.
    const drawMs = c.canvas ? c.canvas.lastFrame().ms : Number.NaN
    await nextFrame()
    return { applyMs, drawMs, paintedMs: performance.now() - t0 }
  },

  frames({ durationMs, minFrames, maxMs, updateEveryMs, panning }) {
    const c = need()
    return new Promise((resolve) => {
      const deltas: number[] = []
      const drawMs: number[] = []
      const start = performance.now()
      let last = Number.NaN
      let frames = 0
      let lastDrawEnd = c.canvas?.lastFrame().endedAt ?? 0
      // Batches arrive as tasks of their own, between frames, as WebSocket messages do in the app.
      const batches = setInterval(() => applyTick(c), updateEveryMs)
      const frame = (ts: number): void => {
        if (!Number.isNaN(last)) deltas.push(ts - last)
        last = ts
        // Each draw once: a glide that waits for visible movement skips frames.
        const drawn = c.canvas?.lastFrame()
        if (drawn && drawn.endedAt !== lastDrawEnd) {
          drawMs.push(drawn.ms)
          lastDrawEnd = drawn.endedAt
        }
        const elapsed = performance.now() - start
        if ((elapsed >= durationMs && deltas.length >= minFrames) || elapsed >= maxMs) {
          clearInterval(batches)
          return resolve({ deltas, drawMs })
        }
        if (panning) {
          // Back and forth, so the same share of the fleet stays in view throughout.
          const dir = Math.floor(frames / 60) % 2 === 0 ? 1 : -1
          c.map.panBy([4 * dir, 2 * dir], { animate: false })
        }
        frames++
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })
  },

  columnBytes() {
    return current?.canvas?.columnBytes() ?? 0
  },

  async connect(wsUrl, zoom) {
    await bench.setup('canvas', 0, zoom, 1)
    const c = need()
    if (c.canvas) await connectWire(wsUrl, c.canvas)
  },
}

;(window as unknown as { bench: BenchPage }).bench = bench
