import type { TelemetryColumns } from '../../store/telemetry-columns'
import type { ClusterReply, ClusterRequest } from './cluster-protocol'
import { ClusterAnswerer } from './cluster-protocol'
import type { ClusterSnapshot } from './cluster-snapshot'
import { buffersOf, collectPoints, emptySnapshot } from './cluster-snapshot'

export { CLUSTER_BELOW_ZOOM } from './cluster-snapshot'
export const REBUILD_INTERVAL_MS = 500
/**
 * Without the worker (it failed to start or crashed) the tree is built on the main thread: a build
 * may then take at most this share of the time between builds. 50k vehicles cost ~130 ms in
 * software here, one long frame each time, so they rebuild every ~2.6 s rather than every 0.5 s.
 */
const REBUILD_SHARE = 0.05

/** What the index needs of a Worker: the browser's, or a fake in tests. */
export interface ClusterWorkerPort {
  postMessage(message: ClusterRequest, options: { transfer: Transferable[] }): void
  terminate(): void
  onmessage: ((event: MessageEvent<ClusterReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
}

function startWorker(): ClusterWorkerPort {
  // Vite bundles this form into its own file, in the app and in the bench page alike.
  return new Worker(new URL('./cluster-worker.ts', import.meta.url), { type: 'module' })
}

/**
 * When to rebuild: never if the data did not change, at once if the last build is old enough,
 * otherwise after the remaining delay (returned in ms) so bursts of batches cost one rebuild. The
 * wait grows with what the last build cost (`lastBuildMs`), so rebuilding never takes more than
 * REBUILD_SHARE of the main thread.
 */
export function rebuildDelay(
  builtVersion: number,
  version: number,
  lastBuildAt: number,
  now: number,
  lastBuildMs = 0,
): number | null {
  if (builtVersion === version) return null
  const interval = Math.max(REBUILD_INTERVAL_MS, lastBuildMs / REBUILD_SHARE)
  return Math.max(0, lastBuildAt + interval - now)
}

/**
 * The clusters to draw, built in a worker. `current` answers at once with the last clusters that
 * came back (maybe a batch behind, or of the previous zoom for a frame) and asks the worker for
 * fresher ones; `onUpdate` then repaints. One request is in flight at a time, so a slow build never
 * queues up others. If the worker cannot start or fails, the tree is built here as before.
 */
export class ClusterIndex {
  private worker: ClusterWorkerPort | null = null
  private failed = false
  private readonly local = new ClusterAnswerer()
  private snapshot: ClusterSnapshot | null = null
  private inFlight = false
  private nextId = 0
  /** Replies to requests before this id belong to other columns (reset) and are dropped. */
  private firstValidId = 0
  private sentVersion = -1
  private sentZoom = -1
  private lastBuildAt = Number.NEGATIVE_INFINITY
  private lastBuildMs = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly onUpdate: () => void,
    private readonly createWorker: () => ClusterWorkerPort = startWorker,
  ) {}

  /** Clusters to draw now for `zoom` (floored); asks for fresher ones when data or zoom changed. */
  current(cols: TelemetryColumns, version: number, zoom: number, now: number): ClusterSnapshot {
    const z = Math.floor(zoom)
    const port = this.failed ? null : this.port()
    if (port) this.ask(port, cols, version, z, now)
    else this.buildHere(cols, version, z, now)
    return this.snapshot ?? emptySnapshot(z)
  }

  /** Other columns (replay ↔ live): their slots are other vehicles, so the clusters start over. */
  reset(): void {
    this.snapshot = null
    this.firstValidId = this.nextId
    this.forgetSent()
  }

  dispose(): void {
    clearTimeout(this.retryTimer)
    this.worker?.terminate()
    this.worker = null
    this.inFlight = false
    // A worker started later has no tree: its first request carries the vehicles again.
    this.forgetSent()
  }

  private forgetSent(): void {
    this.sentVersion = -1
    this.sentZoom = -1
    this.lastBuildAt = Number.NEGATIVE_INFINITY
  }

  private port(): ClusterWorkerPort | null {
    if (this.worker) return this.worker
    try {
      const worker = this.createWorker()
      worker.onmessage = (event) => this.receive(event.data)
      worker.onerror = () => this.fail()
      worker.onmessageerror = () => this.fail()
      this.worker = worker
    } catch {
      this.failed = true
    }
    return this.worker
  }

  private ask(
    port: ClusterWorkerPort,
    cols: TelemetryColumns,
    version: number,
    z: number,
    now: number,
  ): void {
    if (this.inFlight) return
    const delay = rebuildDelay(this.sentVersion, version, this.lastBuildAt, now)
    if (delay !== null && delay > 0) this.retryIn(delay)
    const rebuild = delay === 0
    if (!rebuild && z === this.sentZoom) return
    const points = rebuild ? collectPoints(cols) : undefined
    if (rebuild) {
      this.sentVersion = version
      this.lastBuildAt = now
    }
    this.sentZoom = z
    this.inFlight = true
    port.postMessage(
      { id: this.nextId++, zoom: z, ...(points ? { points } : {}) },
      {
        transfer: points ? buffersOf(points) : [],
      },
    )
  }

  private receive(reply: ClusterReply): void {
    this.inFlight = false
    if (reply.id < this.firstValidId) return this.onUpdate()
    if ('error' in reply) return this.fail()
    this.snapshot = reply.snapshot
    this.onUpdate()
  }

  /** The worker is gone or broken: from now on the tree is built on the main thread. */
  private fail(): void {
    this.dispose()
    this.failed = true
    this.onUpdate()
  }

  private buildHere(cols: TelemetryColumns, version: number, z: number, now: number): void {
    const delay = rebuildDelay(this.sentVersion, version, this.lastBuildAt, now, this.lastBuildMs)
    if (delay !== null && delay > 0 && this.snapshot !== null) this.retryIn(delay)
    const rebuild = delay === 0 || (delay !== null && this.snapshot === null)
    if (!rebuild && z === this.sentZoom) return
    const reply = this.local.answer({ id: 0, zoom: z, ...(rebuild ? { points: collectPoints(cols) } : {}) })
    if (rebuild) {
      this.sentVersion = version
      this.lastBuildAt = now
      this.lastBuildMs = performance.now() - now
    }
    this.sentZoom = z
    if ('snapshot' in reply) this.snapshot = reply.snapshot
  }

  private retryIn(delay: number): void {
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(this.onUpdate, delay + 1)
  }
}
