/** What the bench page exposes as `window.bench`, for the Playwright driver (no DOM types here). */
export type SceneKind = 'canvas' | 'naive'

/** Canvas scene options, to measure the alternatives side by side (defaults: the app's). */
export interface SceneOptions {
  /** Vehicles glide between fixes (default true). */
  motion?: boolean
  /** Level of detail: above this many in view, squares (default the app's ARROWS_MAX_IN_VIEW). */
  arrowsMaxInView?: number
  /** Glides redraw after this many pixels of movement (default the app's 0.5); 0: every frame. */
  motionStepPx?: number
}

export interface UpdateTiming {
  /** Synchronous JS: writing the batch into the data (columns + store, or every marker's setLatLng). */
  applyMs: number
  /** Canvas only: the layer's repaint inside the animation frame (NaN for the naive layer). */
  drawMs: number
  /** From the start of the apply to the start of the frame after the one that showed it (style, layout, paint included). */
  paintedMs: number
}

export interface BenchPage {
  /**
   * Replaces whatever scene was there with `count` assets spread evenly over an area `spread` times
   * the view's width and height (1: all in view), centred on the view, at `zoom`.
   */
  setup(kind: SceneKind, count: number, zoom: number, spread: number, options?: SceneOptions): Promise<void>
  /** Moves every asset once (a 1 Hz tick's batch) and times it. */
  update(): Promise<UpdateTiming>
  /**
   * requestAnimationFrame deltas for `durationMs` (and at least `minFrames` frames, never past `maxMs`)
   * while a batch moving every asset lands every `updateEveryMs` as its own task (as a WebSocket
   * message does in the app), the map still or panned with map.panBy on every frame.
   */
  frames(o: FramesOptions): Promise<FrameTimes>
  /** Bytes held in typed-array columns (outside the JS heap), 0 for the naive scene. */
  columnBytes(): number
  /** End-to-end mode: an empty canvas scene fed by batches from `wsUrl`, acking each drawn frame. */
  connect(wsUrl: string, zoom: number): Promise<void>
}

export interface FramesOptions {
  durationMs: number
  minFrames: number
  maxMs: number
  updateEveryMs: number
  panning: boolean
}

export interface FrameTimes {
  /** requestAnimationFrame deltas. */
  deltas: number[]
  /** Canvas only: each of the layer's draws in that time (ms); empty for the naive scene. */
  drawMs: number[]
}
