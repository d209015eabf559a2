import type Supercluster from 'supercluster'
import type { BBox } from 'geojson'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'
import type { ClusterProps, PointProps } from './cluster-index'
import type { DrawnItems } from './hit-test'
import { clusterRadius, KIND_ASSET, KIND_CLUSTER } from './hit-test'
import type { Viewport } from './mercator'
import { toScreenX, toScreenY } from './mercator'
import { placeLabels } from './label-placement'

export const LABEL_MIN_ZOOM = 15
const MAX_LABELS = 400
const LABEL_HEIGHT_PX = 13
const EDGE = 24

// Index = status code (live, stale, offline); no-fix is never drawn.
const FILL = ['#16a34a', '#d97706', '#6b7280'] as const
/** Replayed positions: violet for the same three statuses, a palette live data never uses. */
const REPLAY_FILL = ['#7c3aed', '#a78bfa', '#8b87a8'] as const
const SELECTED = '#0284c7'

export interface Frame {
  cols: TelemetryColumns
  view: Viewport
  zoom: number
  bbox: BBox
  clusters: Supercluster<PointProps, ClusterProps> | null
  selectedSlot: number
  names: ReadonlyMap<string, string>
  drawn: DrawnItems
  /** Label colours: dark ink on a light halo by day, the reverse on the dark theme. */
  dark: boolean
  /** Replayed positions: the replay palette. */
  replay?: boolean
}

/** Adds one arrow (or a dot when the heading is unknown) to the path of its status. */
function arrow(path: Path2D, x: number, y: number, headingDeg: number): void {
  if (!Number.isFinite(headingDeg)) {
    path.moveTo(x + 4, y)
    path.arc(x, y, 4, 0, Math.PI * 2)
    return
  }
  const a = (headingDeg * Math.PI) / 180
  const sin = Math.sin(a)
  const cos = Math.cos(a)
  // Tip 9 px ahead, wings 6 px back at ±5 px, notch 3 px back: screen y grows southwards.
  const px = (fx: number, fy: number) => x + fx * cos - fy * sin
  const py = (fx: number, fy: number) => y + fx * sin + fy * cos
  path.moveTo(px(0, -9), py(0, -9))
  path.lineTo(px(5.5, 6), py(5.5, 6))
  path.lineTo(px(0, 3), py(0, 3))
  path.lineTo(px(-5.5, 6), py(-5.5, 6))
  path.closePath()
}

/**
 * Arrows per Path2D. Chromium's cost of building one path grows faster than linearly with its
 * size: 12,500 arrows in one path took ~1 s to build here, in paths of 500 ~0.1 s (see the bench).
 */
const ARROWS_PER_PATH = 500

/** The arrows of one status colour, split into paths of ARROWS_PER_PATH. */
class ChunkedPath {
  readonly paths = [new Path2D()]
  private count = 0

  next(): Path2D {
    if (this.count === ARROWS_PER_PATH) {
      this.paths.push(new Path2D())
      this.count = 0
    }
    this.count++
    return this.paths[this.paths.length - 1]!
  }
}

function inView(view: Viewport, x: number, y: number): boolean {
  return x > -EDGE && y > -EDGE && x < view.width + EDGE && y < view.height + EDGE
}

export function drawFrame(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { cols, view, drawn } = f
  drawn.reset()
  ctx.clearRect(0, 0, view.width, view.height)
  const fill = f.replay ? REPLAY_FILL : FILL
  const paths = fill.map(() => new ChunkedPath())
  const labelled: number[] = []

  const addAsset = (slot: number) => {
    const x = toScreenX(view, cols.lng[slot] ?? 0)
    const y = toScreenY(view, cols.lat[slot] ?? 0)
    if (!inView(view, x, y)) return
    const path = paths[cols.status[slot] ?? 0]
    if (!path) return
    arrow(path.next(), x, y, cols.heading[slot] ?? Number.NaN)
    drawn.push(x, y, 0, KIND_ASSET, slot)
    if (f.zoom >= LABEL_MIN_ZOOM && labelled.length < MAX_LABELS) labelled.push(slot)
  }

  if (f.clusters) {
    const clusterDraws: (() => void)[] = []
    for (const feature of f.clusters.getClusters(f.bbox, Math.floor(f.zoom))) {
      const props = feature.properties
      if ('cluster' in props) {
        const [lng = 0, lat = 0] = feature.geometry.coordinates
        const x = toScreenX(view, lng)
        const y = toScreenY(view, lat)
        const r = clusterRadius(props.point_count)
        drawn.push(x, y, r, KIND_CLUSTER, props.cluster_id)
        clusterDraws.push(() => drawCluster(ctx, x, y, r, props.point_count_abbreviated, props.live > 0))
      } else if (isDrawable(cols, props.slot)) {
        addAsset(props.slot)
      }
    }
    for (const draw of clusterDraws) draw()
  } else {
    for (let slot = 0; slot < cols.size; slot++) if (isDrawable(cols, slot)) addAsset(slot)
  }

  ctx.lineWidth = 1
  ctx.strokeStyle = 'rgba(255,255,255,0.9)'
  paths.forEach((chunked, code) => {
    ctx.fillStyle = fill[code] ?? '#000'
    for (const path of chunked.paths) {
      ctx.fill(path)
      ctx.stroke(path)
    }
  })
  if (labelled.length > 0) drawLabels(ctx, f, labelled)
  drawSelected(ctx, f)
}

function drawCluster(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  label: string | number,
  live: boolean,
): void {
  ctx.beginPath()
  ctx.arc(x, y, r, 0, Math.PI * 2)
  ctx.fillStyle = live ? 'rgba(14, 116, 144, 0.85)' : 'rgba(100, 116, 139, 0.85)'
  ctx.fill()
  ctx.lineWidth = 3
  ctx.strokeStyle = 'rgba(255,255,255,0.85)'
  ctx.stroke()
  ctx.fillStyle = '#fff'
  ctx.font = '600 12px system-ui, sans-serif'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(String(label), x, y)
}

/** Names beside the arrows; where two would overprint, the selected vehicle's and then the first win. */
function drawLabels(ctx: CanvasRenderingContext2D, f: Frame, slots: number[]): void {
  ctx.font = '500 11px system-ui, sans-serif'
  ctx.textAlign = 'left'
  ctx.textBaseline = 'middle'
  ctx.lineWidth = 3
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
    const x = toScreenX(f.view, f.cols.lng[slot] ?? 0) + offset
    const y = toScreenY(f.view, f.cols.lat[slot] ?? 0)
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
  const x = toScreenX(f.view, f.cols.lng[slot] ?? 0)
  const y = toScreenY(f.view, f.cols.lat[slot] ?? 0)
  if (!inView(f.view, x, y)) return
  ctx.beginPath()
  ctx.arc(x, y, 13, 0, Math.PI * 2)
  ctx.fillStyle = 'rgba(2, 132, 199, 0.18)'
  ctx.fill()
  ctx.lineWidth = 2.5
  ctx.strokeStyle = SELECTED
  ctx.stroke()
  const path = new Path2D()
  arrow(path, x, y, f.cols.heading[slot] ?? Number.NaN)
  ctx.fillStyle = (f.replay ? REPLAY_FILL : FILL)[f.cols.status[slot] ?? 0] ?? SELECTED
  ctx.fill(path)
  ctx.lineWidth = 1.5
  ctx.strokeStyle = '#fff'
  ctx.stroke(path)
  if (f.clusters) f.drawn.push(x, y, 0, KIND_ASSET, slot)
}
