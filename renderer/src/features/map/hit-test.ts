export const KIND_ASSET = 0
export const KIND_CLUSTER = 1

/**
 * What the last frame drew, in container pixels: the click handler hit-tests against exactly what
 * the user saw. Growable columns, reused from frame to frame.
 */
export class DrawnItems {
  count = 0
  x = new Float32Array(1024)
  y = new Float32Array(1024)
  /** Radius of the drawn shape; a click within radius + slop is a hit. */
  r = new Float32Array(1024)
  kind = new Uint8Array(1024)
  /** Slot for assets, cluster_id for clusters. */
  id = new Float64Array(1024)

  reset(): void {
    this.count = 0
  }

  push(x: number, y: number, r: number, kind: number, id: number): void {
    if (this.count === this.x.length) this.grow()
    const i = this.count++
    this.x[i] = x
    this.y[i] = y
    this.r[i] = r
    this.kind[i] = kind
    this.id[i] = id
  }

  private grow(): void {
    const size = this.x.length * 2
    const copy = <T extends Float32Array | Float64Array | Uint8Array>(old: T, next: T): T => (
      next.set(old),
      next
    )
    this.x = copy(this.x, new Float32Array(size))
    this.y = copy(this.y, new Float32Array(size))
    this.r = copy(this.r, new Float32Array(size))
    this.kind = copy(this.kind, new Uint8Array(size))
    this.id = copy(this.id, new Float64Array(size))
  }
}

/**
 * Index of the drawn item nearest to (px, py) whose edge is within `slop` px, or -1. Items are
 * compared by distance to their edge so a big cluster does not swallow a nearby single asset.
 */
export function nearestHit(items: DrawnItems, px: number, py: number, slop: number): number {
  let best = -1
  let bestGap = Number.POSITIVE_INFINITY
  for (let i = 0; i < items.count; i++) {
    const dx = (items.x[i] ?? 0) - px
    const dy = (items.y[i] ?? 0) - py
    const gap = Math.sqrt(dx * dx + dy * dy) - (items.r[i] ?? 0)
    if (gap <= slop && gap < bestGap) {
      best = i
      bestGap = gap
    }
  }
  return best
}

/** Cluster circle radius: grows with the log of its size, bounded so big clusters stay readable. */
export function clusterRadius(count: number): number {
  return Math.min(30, 13 + Math.log10(Math.max(1, count)) * 5)
}
