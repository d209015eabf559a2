import type { TrailPoint } from '../../shared/domain/telemetry'

/** Values per point in the buffer: fixTime, lat, lng. */
const STRIDE = 3
const INITIAL_POINTS = 8

/**
 * A bounded trail of fixes sorted by fixTime, packed into one Float64Array (24 bytes a point) instead
 * of one object per point: 50,000 assets × 500 points of objects would cost gigabytes.
 * The window [start, start + length) of the buffer holds the points, oldest first.
 */
export class Trail {
  private buffer = new Float64Array(INITIAL_POINTS * STRIDE)
  private start = 0
  private length = 0

  constructor(private maxPoints: number) {}

  /** A smaller limit drops the oldest points at once; a larger one lets the trail grow. */
  setMaxPoints(maxPoints: number): void {
    this.maxPoints = maxPoints
    if (this.length > maxPoints) this.dropOldest(this.length - maxPoints)
  }

  get size(): number {
    return this.length
  }

  /**
   * Inserts a fix in time order; returns false for an exact duplicate fixTime, or for a fix older
   * than every point of a full trail (it would be evicted at once).
   */
  insert(fixTime: number, lat: number, lng: number): boolean {
    const index = this.lowerBound(fixTime)
    if (index < this.length && this.timeAt(index) === fixTime) return false
    if (this.length >= this.maxPoints) {
      if (index === 0) return false
      this.dropOldest(1)
      return this.insert(fixTime, lat, lng)
    }
    this.ensureRoom()
    const at = (this.start + index) * STRIDE
    const end = (this.start + this.length) * STRIDE
    if (at < end) this.buffer.copyWithin(at + STRIDE, at, end)
    this.buffer[at] = fixTime
    this.buffer[at + 1] = lat
    this.buffer[at + 2] = lng
    this.length++
    return true
  }

  /** True when a point with exactly this fixTime is held. */
  has(fixTime: number): boolean {
    const index = this.lowerBound(fixTime)
    return index < this.length && this.timeAt(index) === fixTime
  }

  /** Drops every point older than `cutoff`. */
  pruneBefore(cutoff: number): void {
    this.dropOldest(this.lowerBound(cutoff))
  }

  /** Drops every point newer than `cutoff`: used when a fix from a wrong device clock is superseded. */
  dropAfter(cutoff: number): void {
    let keep = this.lowerBound(cutoff)
    if (keep < this.length && this.timeAt(keep) === cutoff) keep++
    this.length = keep
    if (this.length === 0) this.start = 0
  }

  points(): TrailPoint[] {
    const out: TrailPoint[] = []
    for (let i = 0; i < this.length; i++) {
      const at = (this.start + i) * STRIDE
      out.push({ fixTime: this.buffer[at]!, lat: this.buffer[at + 1]!, lng: this.buffer[at + 2]! })
    }
    return out
  }

  private timeAt(index: number): number {
    return this.buffer[(this.start + index) * STRIDE]!
  }

  /** The first index whose fixTime is >= t. */
  private lowerBound(t: number): number {
    let lo = 0
    let hi = this.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.timeAt(mid) < t) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private dropOldest(count: number): void {
    const n = Math.min(count, this.length)
    this.start += n
    this.length -= n
    if (this.length === 0) this.start = 0
  }

  /** Makes room for one more point at the end: compacts the window first, grows only when full. */
  private ensureRoom(): void {
    const capacity = this.buffer.length / STRIDE
    if (this.start + this.length < capacity) return
    if (this.start > 0) {
      this.buffer.copyWithin(0, this.start * STRIDE, (this.start + this.length) * STRIDE)
      this.start = 0
      return
    }
    const grown = new Float64Array(Math.min(capacity * 2, Math.max(this.maxPoints, 1)) * STRIDE)
    grown.set(this.buffer)
    this.buffer = grown
  }
}
