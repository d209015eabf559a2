import L from 'leaflet'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'
import { ARROWS_MAX_IN_VIEW, drawFrame } from './asset-draw'
import { dataPaintDelay } from './paint-duty'
import { CLUSTER_BELOW_ZOOM, ClusterIndex } from './cluster-index'
import type { ClusterSnapshot } from './cluster-snapshot'
import { DrawnItems, KIND_CLUSTER, nearestHit } from './hit-test'
import type { Viewport } from './mercator'
import { latFromMercatorY, lngFromMercatorX, worldSize } from './mercator'
import { MotionState } from './motion-state'
import { exposeSelected } from './selected-probe'

const HIT_SLOP_PX = 10
/** A frame this cheap is redrawn on every pan step; above it the canvas slides and catches up. */
const CHEAP_FRAME_MS = 8
/** Catch-up while a long pan goes on with no data arriving (live batches redraw anyway). */
const PAN_REDRAW_MS = 1000
const SETTLE_MS = 120
/** A glide redraws once the fastest vehicle in it would have moved this far on screen (px)… */
const MOTION_STEP_PX = 0.5
/** …or turned this far (°; the sprites turn in 5° steps): a sub-pixel step is not worth a frame. */
const MOTION_STEP_DEG = 2.5
/** Waits shorter than this are simply the next frame. */
const FRAME_MS = 20

export interface AssetLayerCallbacks {
  onSelectAsset: (assetId: string) => void
  /** After every frame drawn (follow mode keeps the drawn vehicle centred). */
  onFrameDrawn?: () => void
}

/**
 * Every asset on ONE canvas over the map (no DOM node per vehicle). The canvas is fixed to the map
 * container and repainted on the next animation frame after data or view changes; during a zoom
 * animation it is CSS-scaled like Leaflet's own layers and repainted when the zoom ends.
 */
export class AssetCanvasLayer extends L.Layer {
  private host: L.Map | null = null
  private canvas: HTMLCanvasElement | null = null
  private cols: TelemetryColumns
  private version = 0
  private names: ReadonlyMap<string, string> = new Map()
  private selectedId: string | null = null
  /** Built in a worker; a reply repaints. */
  private readonly clusters = new ClusterIndex(() => this.requestDraw())
  /** The clusters the last frame drew: a click on one reads its expansion zoom here. */
  private drawnClusters: ClusterSnapshot | null = null
  private readonly drawn = new DrawnItems()
  private frame = 0
  private lastView: Viewport | null = null
  private lastZoom = 0
  /** While Leaflet animates a zoom the canvas is CSS-scaled; repainting then would jump. */
  private zooming = false
  private clustering = true
  /** How long the last full draw took: decides whether panning redraws every frame. */
  private lastDrawMs = 0
  private lastDrawEnd = 0
  private dutyTimer: ReturnType<typeof setTimeout> | undefined
  private panTimer: ReturnType<typeof setTimeout> | undefined
  private settleTimer: ReturnType<typeof setTimeout> | undefined
  private motionTimer: ReturnType<typeof setTimeout> | undefined
  private dark = false
  private replay = false
  /** Where every vehicle is drawn: gliding between fixes while motion is on. */
  private readonly motion = new MotionState()
  private motionOn = true

  /** More vehicles in view than this are drawn as squares (asset-draw.ts); the bench compares others. */
  private readonly arrowsMaxInView: number
  /** Glides redraw after this much movement on screen; 0 redraws every frame (the bench's worst case). */
  private readonly motionStepPx: number

  constructor(
    cols: TelemetryColumns,
    private readonly callbacks: AssetLayerCallbacks,
    options: { arrowsMaxInView?: number; motionStepPx?: number } = {},
  ) {
    super()
    this.cols = cols
    this.arrowsMaxInView = options.arrowsMaxInView ?? ARROWS_MAX_IN_VIEW
    this.motionStepPx = options.motionStepPx ?? MOTION_STEP_PX
  }

  setData(cols: TelemetryColumns, version: number): void {
    // Other columns (replay ↔ live): their slots are other vehicles, so the clusters start over.
    if (cols !== this.cols) {
      this.clusters.reset()
      this.motion.reset()
    }
    this.cols = cols
    this.version = version
    // Replayed positions jump: a scrubbed or sped-up playhead is not a vehicle's pace.
    this.motion.update(cols, performance.now(), this.motionOn && !this.replay)
    this.requestDataDraw()
  }

  /** New data: paint on the next frame, unless expensive paints would then crowd out everything else. */
  private requestDataDraw(): void {
    if (this.dutyTimer !== undefined) return
    const wait = dataPaintDelay(this.lastDrawMs, this.lastDrawEnd, performance.now(), CHEAP_FRAME_MS)
    if (wait <= 0) return this.requestDraw()
    this.dutyTimer = setTimeout(() => {
      this.dutyTimer = undefined
      this.requestDraw()
    }, wait)
  }

  setNames(names: ReadonlyMap<string, string>): void {
    this.names = names
    this.requestDraw()
  }

  /** Replayed positions are drawn in the replay colours, never to be mistaken for live ones. */
  setReplay(replay: boolean): void {
    this.replay = replay
    this.canvas?.classList.toggle('replay', replay)
    this.requestDraw()
  }

  /** Off: every vehicle jumps to each new fix (low-power desks, wall displays, reduced motion). */
  setMotion(enabled: boolean): void {
    if (enabled === this.motionOn) return
    this.motionOn = enabled
    if (!enabled) {
      // Vehicles mid-glide land on their fixes now.
      this.motion.reset()
      this.motion.update(this.cols, performance.now(), false)
    }
    this.requestDraw()
  }

  /**
   * Vehicles on their way: the next frame moves them on, unless the fastest would move less than
   * half a pixel (zoomed out, 50k vehicles glide a pixel a second): then the redraw waits until it
   * would, and never past the end of the glides, so every vehicle lands exactly on its fix.
   */
  private scheduleGlide(now: number, pxPerMs: number, degPerMs: number): void {
    const wait = Math.min(
      pxPerMs > 0 ? this.motionStepPx / pxPerMs : Number.POSITIVE_INFINITY,
      degPerMs > 0
        ? (MOTION_STEP_DEG * this.motionStepPx) / MOTION_STEP_PX / degPerMs
        : Number.POSITIVE_INFINITY,
      this.motion.glideEnd - now,
    )
    clearTimeout(this.motionTimer)
    if (wait < FRAME_MS) return this.requestDraw()
    this.motionTimer = setTimeout(this.requestDraw, wait)
  }

  /** The last frame drawn: how long it took (ms) and when it ended (the bench reads both). */
  lastFrame(): { ms: number; endedAt: number } {
    return { ms: this.lastDrawMs, endedAt: this.lastDrawEnd }
  }

  /** The map this layer is on, or null before it is added and after it is removed. */
  currentMap(): L.Map | null {
    return this.host
  }

  /** Where an asset is drawn right now, or null when it is not on the map. */
  drawnLatLng(assetId: string | null): [number, number] | null {
    const slot = assetId === null ? undefined : this.cols.slotByAssetId.get(assetId)
    if (slot === undefined || !isDrawable(this.cols, slot)) return null
    this.motion.sampleOne(slot, performance.now())
    const x = this.motion.x[slot] ?? Number.NaN
    const y = this.motion.y[slot] ?? Number.NaN
    return Number.isFinite(x) && Number.isFinite(y) ? [latFromMercatorY(y), lngFromMercatorX(x)] : null
  }

  setDarkTheme(dark: boolean): void {
    this.dark = dark
    this.requestDraw()
  }

  /** Off: every vehicle is drawn on its own at every zoom. */
  setClustering(enabled: boolean): void {
    this.clustering = enabled
    this.requestDraw()
  }

  setSelected(assetId: string | null): void {
    this.selectedId = assetId
    this.requestDraw()
  }

  /**
   * The map events this layer follows. Leaflet adds them just before `onAdd` and removes them when
   * the layer leaves the map, so no handler outlives the layer. One event name per key: Leaflet
   * does not split space-separated names in this form.
   */
  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    const events: L.LeafletEventHandlerFnMap = {
      zoom: this.requestDraw,
      viewreset: this.requestDraw,
      resize: this.requestDraw,
      move: this.onMove,
      moveend: this.onMoveEnd,
      zoomanim: this.onZoomAnim,
      zoomend: this.onZoomEnd,
      click: this.onClick,
      mousemove: this.onMouseMove,
    }
    // The typed map checks each handler against its event; @types/leaflet declares getEvents with
    // the base event type only, though Leaflet hands each handler its own event.
    return events as Record<string, L.LeafletEventHandlerFn>
  }

  override onAdd(map: L.Map): this {
    this.host = map
    const canvas = document.createElement('canvas')
    canvas.className = 'asset-canvas'
    map.getContainer().appendChild(canvas)
    this.canvas = canvas
    this.draw()
    return this
  }

  override onRemove(): this {
    clearTimeout(this.panTimer)
    clearTimeout(this.settleTimer)
    clearTimeout(this.motionTimer)
    clearTimeout(this.dutyTimer)
    this.dutyTimer = undefined
    cancelAnimationFrame(this.frame)
    this.clusters.dispose()
    this.frame = 0
    this.canvas?.remove()
    this.canvas = null
    this.host = null
    return this
  }

  /**
   * Panning: a cheap frame is simply redrawn; an expensive one (tens of thousands in view) is not
   * redrawn at 60 Hz: the last picture slides with the map (a CSS translate, free) and is redrawn
   * with the next telemetry batch, when the pan ends, or after a second without either.
   */
  private readonly onMove = (): void => {
    const map = this.host
    const canvas = this.canvas
    const last = this.lastView
    if (!map || !canvas || !last || this.zooming) return
    if (this.lastDrawMs < CHEAP_FRAME_MS) return this.requestDraw()
    const origin = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin())
    canvas.style.transform = `translate(${last.originX - origin.x}px, ${last.originY - origin.y}px)`
    if (this.panTimer === undefined)
      this.panTimer = setTimeout(() => {
        this.panTimer = undefined
        this.requestDraw()
      }, PAN_REDRAW_MS)
  }

  /**
   * Programmatic pans (panBy, keyboard, follow) end a move on every step; an expensive frame then
   * waits until the steps stop for a moment instead of redrawing each one.
   */
  private readonly onMoveEnd = (): void => {
    if (this.lastDrawMs < CHEAP_FRAME_MS) return this.requestDraw()
    this.onMove()
    clearTimeout(this.settleTimer)
    this.settleTimer = setTimeout(this.requestDraw, SETTLE_MS)
  }

  private readonly requestDraw = (): void => {
    if (this.frame === 0 && this.host) this.frame = requestAnimationFrame(this.draw)
  }

  private readonly draw = (): void => {
    this.frame = 0
    // This draw brings the picture up to date: a pending pan catch-up would only repeat it.
    clearTimeout(this.panTimer)
    this.panTimer = undefined
    const map = this.host
    const canvas = this.canvas
    if (!map || !canvas || this.zooming) return
    const started = performance.now()
    const size = map.getSize()
    const dpr = window.devicePixelRatio || 1
    if (canvas.width !== Math.round(size.x * dpr) || canvas.height !== Math.round(size.y * dpr)) {
      canvas.width = Math.round(size.x * dpr)
      canvas.height = Math.round(size.y * dpr)
      canvas.style.width = `${size.x}px`
      canvas.style.height = `${size.y}px`
    }
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)

    const zoom = map.getZoom()
    const origin = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin())
    const view: Viewport = {
      originX: origin.x,
      originY: origin.y,
      scale: worldSize(zoom),
      width: size.x,
      height: size.y,
    }
    const clusters =
      this.clustering && zoom < CLUSTER_BELOW_ZOOM
        ? this.clusters.current(this.cols, this.version, zoom, performance.now())
        : null
    const now = performance.now()
    const pace = this.motion.sample(this.cols.size, now)
    drawFrame(ctx, {
      cols: this.cols,
      at: this.motion,
      arrowsMaxInView: this.arrowsMaxInView,
      view,
      zoom,
      clusters,
      selectedSlot: this.selectedId === null ? -1 : (this.cols.slotByAssetId.get(this.selectedId) ?? -1),
      names: this.names,
      drawn: this.drawn,
      dark: this.dark,
      replay: this.replay,
    })
    canvas.style.transform = ''
    this.drawnClusters = clusters
    this.lastDrawEnd = performance.now()
    this.lastDrawMs = this.lastDrawEnd - started
    this.lastView = view
    this.lastZoom = zoom
    if (this.canvas) exposeSelected(this.canvas, this.cols, this.motion, this.selectedId, view)
    if (this.motion.isGliding(now)) this.scheduleGlide(now, pace.movePerMs * view.scale, pace.turnPerMs)
    this.callbacks.onFrameDrawn?.()
  }

  private readonly onZoomAnim = (e: L.ZoomAnimEvent): void => {
    const map = this.host
    const canvas = this.canvas
    const last = this.lastView
    if (!map || !canvas || !last) return
    // A screen point P moves to P·s + t: t is the old top-left scaled, minus the new one.
    const s = map.getZoomScale(e.zoom, this.lastZoom)
    const half = map.getSize().divideBy(2)
    const center = map.project(e.center, e.zoom)
    const tx = last.originX * s - (center.x - half.x)
    const ty = last.originY * s - (center.y - half.y)
    this.zooming = true
    canvas.classList.add('zooming')
    canvas.style.transform = `translate(${tx}px, ${ty}px) scale(${s})`
  }

  private readonly onZoomEnd = (): void => {
    this.zooming = false
    this.canvas?.classList.remove('zooming')
    cancelAnimationFrame(this.frame)
    this.draw()
  }

  private hitAt(point: L.Point): number {
    return nearestHit(this.drawn, point.x, point.y, HIT_SLOP_PX)
  }

  private readonly onClick = (e: L.LeafletMouseEvent): void => {
    const map = this.host
    const hit = this.hitAt(e.containerPoint)
    if (!map || hit < 0) return
    const id = this.drawn.id[hit] ?? -1
    if (this.drawn.kind[hit] === KIND_CLUSTER) {
      const zoom = this.drawnClusters?.expansion[id] ?? map.getZoom() + 2
      map.setView(map.containerPointToLatLng([this.drawn.x[hit] ?? 0, this.drawn.y[hit] ?? 0]), zoom)
      return
    }
    const assetId = this.cols.assetIdBySlot[id]
    if (assetId !== undefined) this.callbacks.onSelectAsset(assetId)
  }

  private readonly onMouseMove = (e: L.LeafletMouseEvent): void => {
    const container = this.host?.getContainer()
    if (container) container.classList.toggle('asset-hover', this.hitAt(e.containerPoint) >= 0)
  }
}
