/** Bits of AssetColumns.flags. */
export const DIRTY = 1
/** The slot has been introduced to the receiver by a drained batch. */
export const SENT = 2
/** The current fix is from the future: a device clock is wrong, so it must not block later fixes. */
export const FUTURE = 4
/** The current fix carried no time of its own (its time is when it arrived). */
export const UNTIMED = 8
/** The current fix came from the history file at start-up: never shown live until a new fix arrives. */
export const RESTORED = 16

const INITIAL_CAPACITY = 1024

/**
 * Per-asset state as columns indexed by slot: about 50 bytes an asset and no object per asset for
 * the garbage collector to walk, which matters at 50,000 assets. NaN marks "unknown".
 */
export class AssetColumns {
  capacity = 0
  lat = new Float64Array(0)
  lng = new Float64Array(0)
  /** Epoch ms; NaN until the first fix. */
  fixTime = new Float64Array(0)
  lastSeenAt = new Float64Array(0)
  speed = new Float32Array(0)
  heading = new Float32Array(0)
  altitude = new Float32Array(0)
  /** ASSET_STATUS_CODES index. */
  status = new Uint8Array(0)
  flags = new Uint8Array(0)

  /** Makes room for `count` slots, doubling so that growth stays amortized O(1). */
  ensure(count: number, noFixCode: number): void {
    if (count <= this.capacity) return
    const next = Math.max(INITIAL_CAPACITY, this.capacity * 2, count)
    this.lat = grow(this.lat, new Float64Array(next), NaN)
    this.lng = grow(this.lng, new Float64Array(next), NaN)
    this.fixTime = grow(this.fixTime, new Float64Array(next), NaN)
    this.lastSeenAt = grow(this.lastSeenAt, new Float64Array(next), NaN)
    this.speed = grow(this.speed, new Float32Array(next), NaN)
    this.heading = grow(this.heading, new Float32Array(next), NaN)
    this.altitude = grow(this.altitude, new Float32Array(next), NaN)
    this.status = grow(this.status, new Uint8Array(next), noFixCode)
    this.flags = grow(this.flags, new Uint8Array(next), 0)
    this.capacity = next
  }
}

function grow<T extends Float64Array | Float32Array | Uint8Array>(old: T, next: T, fill: number): T {
  next.fill(fill, old.length)
  next.set(old)
  return next
}
