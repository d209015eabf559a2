import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'
import type { ClusterSnapshot } from './cluster-snapshot'
import { abbreviateCount } from './cluster-snapshot'
import type { DrawnItems } from './hit-test'
import { clusterRadius, KIND_ASSET, KIND_CLUSTER } from './hit-test'
import type { Viewport } from './mercator'
import { toScreenX, toScreenY } from './mercator'
import { placeLabels } from './label-placement'
import { ArrowSprites, arrowPath } from './arrow-sprites'
import { ClusterSprites } from './cluster-sprites'

export const LABEL_MIN_ZOOM = 15
const MAX_LABELS = 400
const LABEL_HEIGHT_PX = 13
const EDGE = 24

// Index = status code (live, stale, offline); no-fix is never drawn.
const FILL = ['#16a34a', '#d97706', '#6b7280'] as const
/** Replayed positions: violet for the same three statuses, a palette live data never uses. */
const REPLAY_FILL = ['#7c3aed', '#a78bfa', '#8b87a8'] as const
const SELECTED = '#0284c7'

/** Where each slot is drawn this frame (the motion model's sample): Mercator world fractions, degrees. */
export interface DrawnPositions {
  x: Float64Array
  y: Float64Array
  heading: Float32Array
}

export interface Frame {
  cols: TelemetryColumns
  /** Drawn positions: selection, labels and hit testing follow these, not the last fix. */
  at: DrawnPositions
  /** Level of detail: above this many in view, squares instead of arrows. */
  arrowsMaxInView: number
  view: Viewport
  zoom: number
  /** Clusters of the overview (positions in lat/lng); a cluster's hit id is its index in it. */
  clusters: ClusterSnapshot | null
  selectedSlot: number
  names: ReadonlyMap<string, string>
  drawn: DrawnItems
  /** Label colours: dark ink on a light halo by day, the reverse on the dark theme. */
  dark: boolean
  /** Replayed positions: the replay palette. */
  replay?: boolean
}

/**
 * Level of detail: with more vehicles than this in view they are drawn as small squares in their
 * status colour (arrows that dense overprint one another anyway). Sprite arrows cost ~4 µs each in
 * software rendering, squares ~1 µs: 3,000 arrows or 12,500 squares fit a frame (see the bench).
 */
export const ARROWS_MAX_IN_VIEW = 3_000
const DOT_PX = 4

let liveSprites: ArrowSprites | null = null
let replaySprites: ArrowSprites | null = null
function sprites(replay: boolean): ArrowSprites {
  if (replay) return (replaySprites ??= new ArrowSprites(REPLAY_FILL))
  return (liveSprites ??= new ArrowSprites(FILL))
}

const clusterSprites = new ClusterSprites()

/** Slots in view this frame, reused from frame to frame. */
let visible = new Int32Array(4096)

function inView(view: Viewport, x: number, y: number): boolean {
  return x > -EDGE && y > -EDGE && x < view.width + EDGE && y < view.height + EDGE
}

function screenX(f: Frame, slot: number): number {
  return (f.at.x[slot] ?? 0) * f.view.scale - f.view.originX
}

function screenY(f: Frame, slot: number): number {
  return (f.at.y[slot] ?? 0) * f.view.scale - f.view.originY
}

export function drawFrame(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { cols, view, drawn } = f
  drawn.reset()
  ctx.clearRect(0, 0, view.width, view.height)
  let count = 0
  const consider = (slot: number) => {
    if (!inView(view, screenX(f, slot), screenY(f, slot))) return
    if (count === visible.length) {
      const bigger = new Int32Array(visible.length * 2)
      bigger.set(visible)
      visible = bigger
    }
    visible[count++] = slot
  }

  const clusterDraws: (() => void)[] = []
  const clusters = f.clusters
  if (clusters) {
    // Read once a frame: getTransform() builds a new matrix object on every call.
    const ratio = ctx.getTransform().a || 1
    for (let i = 0; i < clusters.count; i++) {
      const slot = clusters.slot[i] ?? -1
      if (slot >= 0) {
        if (slot < cols.size && isDrawable(cols, slot)) consider(slot)
        continue
      }
      const x = toScreenX(view, clusters.lng[i] ?? 0)
      const y = toScreenY(view, clusters.lat[i] ?? 0)
      const size = clusters.size[i] ?? 0
      const r = clusterRadius(size)
      if (x < -r - EDGE || y < -r - EDGE || x > view.width + r + EDGE || y > view.height + r + EDGE) continue
      const live = (clusters.live[i] ?? 0) > 0
      drawn.push(x, y, r, KIND_CLUSTER, i)
      clusterDraws.push(() => clusterSprites.draw(ctx, x, y, r, String(abbreviateCount(size)), live, ratio))
    }
  } else {
    for (let slot = 0; slot < cols.size; slot++) if (isDrawable(cols, slot)) consider(slot)
  }

  for (const draw of clusterDraws) draw()
  if (count > f.arrowsMaxInView) drawSquares(ctx, f, count)
  else drawArrows(ctx, f, count)
  if (f.zoom >= LABEL_MIN_ZOOM && count > 0) {
    drawLabels(ctx, f, Array.from(visible.subarray(0, Math.min(count, MAX_LABELS))))
  }
  drawSelected(ctx, f)
}

function drawArrows(ctx: CanvasRenderingContext2D, f: Frame, count: number): void {
  const atlas = sprites(f.replay === true)
  for (let i = 0; i < count; i++) {
    const slot = visible[i] ?? 0
    const x = screenX(f, slot)
    const y = screenY(f, slot)
    atlas.draw(ctx, f.cols.status[slot] ?? 0, x, y, f.at.heading[slot] ?? Number.NaN)
    f.drawn.push(x, y, 0, KIND_ASSET, slot)
  }
}

/** The dense level of detail: one path of squares per status colour. */
function drawSquares(ctx: CanvasRenderingContext2D, f: Frame, count: number): void {
  const fill = f.replay ? REPLAY_FILL : FILL
  const paths = fill.map(() => new Path2D())
  const half = DOT_PX / 2
  for (let i = 0; i < count; i++) {
    const slot = visible[i] ?? 0
    const x = screenX(f, slot)
    const y = screenY(f, slot)
    paths[f.cols.status[slot] ?? 0]?.rect(Math.round(x - half), Math.round(y - half), DOT_PX, DOT_PX)
    f.drawn.push(x, y, 0, KIND_ASSET, slot)
  }
  paths.forEach((path, code) => {
    ctx.fillStyle = fill[code] ?? '#000'
    ctx.fill(path)
  })
}

/** Names beside the arrows; where two would overprint, the selected vehicle's and then the first win. */
function drawLabels(ctx: CanvasRenderingContext2D, f: Frame, slots: number[]): void {
  ctx.font = '500 11px system-ui, sans-serif'
  ctx.textAlign = 'left'
  ctx.textBaseline = 'middle'
  ctx.lineWidth = 3
  // The halo's corners round: mitred, the sharp points of M, V and X poked spikes out of it.
  ctx.lineJoin = 'round'
  ctx.strokeStyle = f.dark ? 'rgba(2,6,23,0.9)' : 'rgba(255,255,255,0.92)'
  ctx.fillStyle = f.dark ? '#e2e8f0' : '#0f172a'
  const ordered = slots.includes(f.selectedSlot)
    ? [f.selectedSlot, ...slots.filter((slot) => slot !== f.selectedSlot)]
    : slots
  const labels = ordered.flatMap((slot) => {
    const id = f.cols.assetIdBySlot[slot]
    const name = (id && f.names.get(id)) ?? id
    if (!name) return []
    // The selected vehicle's ring is wider than an arrow: its name starts past the ring.
    const offset = slot === f.selectedSlot ? 17 : 11
    const x = screenX(f, slot) + offset
    const y = screenY(f, slot)
    return [{ name, x, y, width: ctx.measureText(name).width, height: LABEL_HEIGHT_PX }]
  })
  const shown = placeLabels(labels)
  labels.forEach((label, i) => {
    if (!shown[i]) return
    ctx.strokeText(label.name, label.x, label.y)
    ctx.fillText(label.name, label.x, label.y)
  })
}

/** The selected asset is drawn on top of everything, even inside a cluster, so it is never lost. */
function drawSelected(ctx: CanvasRenderingContext2D, f: Frame): void {
  const slot = f.selectedSlot
  if (slot < 0 || !isDrawable(f.cols, slot)) return
  const x = screenX(f, slot)
  const y = screenY(f, slot)
  if (!inView(f.view, x, y)) return
  ctx.beginPath()
  ctx.arc(x, y, 13, 0, Math.PI * 2)
  ctx.fillStyle = 'rgba(2, 132, 199, 0.18)'
  ctx.fill()
  ctx.lineWidth = 2.5
  ctx.strokeStyle = SELECTED
  ctx.stroke()
  const path = new Path2D()
  arrowPath(path, x, y, f.at.heading[slot] ?? Number.NaN)
  ctx.fillStyle = (f.replay ? REPLAY_FILL : FILL)[f.cols.status[slot] ?? 0] ?? SELECTED
  ctx.fill(path)
  ctx.lineWidth = 1.5
  ctx.strokeStyle = '#fff'
  ctx.stroke(path)
  if (f.clusters) f.drawn.push(x, y, 0, KIND_ASSET, slot)
}
