/**
 * Fixes column-wise, the shape every part of the history speaks: main's recorder fills them, the
 * worker packs them into blobs, queries return them. `asset` is the database's key of the vehicle.
 */
export interface FixColumns {
  length: number
  asset: Uint32Array
  /** Epoch ms, whole. */
  t: Float64Array
  lat: Float64Array
  lng: Float64Array
  /** km/h; NaN when the device did not say. */
  speed: Float32Array
  /** Degrees; NaN when the device did not say. */
  heading: Float32Array
}

export function allocFixes(length: number): FixColumns {
  return {
    length,
    asset: new Uint32Array(length),
    t: new Float64Array(length),
    lat: new Float64Array(length),
    lng: new Float64Array(length),
    speed: new Float32Array(length),
    heading: new Float32Array(length),
  }
}

/** Copies fix `from` of `source` into row `to` of `target`. */
export function copyFix(source: FixColumns, from: number, target: FixColumns, to: number): void {
  target.asset[to] = source.asset[from]!
  target.t[to] = source.t[from]!
  target.lat[to] = source.lat[from]!
  target.lng[to] = source.lng[from]!
  target.speed[to] = source.speed[from]!
  target.heading[to] = source.heading[from]!
}

/** The rows at `indices`, in that order. */
export function pickFixes(source: FixColumns, indices: ArrayLike<number>): FixColumns {
  const out = allocFixes(indices.length)
  for (let i = 0; i < indices.length; i++) copyFix(source, indices[i]!, out, i)
  return out
}

/** Several column sets end to end. */
export function concatFixes(parts: readonly FixColumns[]): FixColumns {
  const out = allocFixes(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.asset.set(part.asset.subarray(0, part.length), at)
    out.t.set(part.t.subarray(0, part.length), at)
    out.lat.set(part.lat.subarray(0, part.length), at)
    out.lng.set(part.lng.subarray(0, part.length), at)
    out.speed.set(part.speed.subarray(0, part.length), at)
    out.heading.set(part.heading.subarray(0, part.length), at)
    at += part.length
  }
  return out
}

/**
 * One asset's fixes sorted by time with equal times kept once (the last one seen wins: a body
 * delivered twice writes the same fix twice). Most groups arrive sorted; only those that do not pay
 * for a sort.
 */
export function sortedUnique(fixes: FixColumns): FixColumns {
  const n = fixes.length
  let sorted = true
  for (let i = 1; i < n && sorted; i++) sorted = fixes.t[i - 1]! < fixes.t[i]!
  if (sorted) return fixes
  const order = Array.from({ length: n }, (_, i) => i)
  // Stable: among equal times the later row stays later, and the loop below keeps the last.
  order.sort((a, b) => fixes.t[a]! - fixes.t[b]!)
  const keep: number[] = []
  for (const index of order) {
    const last = keep.length - 1
    if (last >= 0 && fixes.t[keep[last]!] === fixes.t[index]) keep[last] = index
    else keep.push(index)
  }
  return pickFixes(fixes, keep)
}
