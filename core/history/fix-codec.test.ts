import { describe, expect, it } from 'vitest'
import { allocFixes, sortedUnique } from './fix-columns'
import {
  chunkFixAt,
  chunkIndexAtOrBefore,
  decodeChunk,
  decodeSegment,
  encodeChunk,
  encodeSegment,
} from './fix-codec'

const T0 = 1_764_000_000_000

function sample() {
  const fixes = allocFixes(4)
  const rows: [number, number, number, number, number, number][] = [
    [7, T0, 19.4326077, -99.1332081, 42.34, 359.999],
    [7, T0 + 1000, -33.8688197, 151.2092955, Number.NaN, Number.NaN],
    [7, T0 + 2500, 89.9999999, -179.9999999, 0, 0.004],
    [7, T0 + 3600_000 - 1, 0, 0, 6553, 180],
  ]
  rows.forEach(([asset, t, lat, lng, speed, heading], i) => {
    fixes.asset[i] = asset
    fixes.t[i] = t
    fixes.lat[i] = lat
    fixes.lng[i] = lng
    fixes.speed[i] = speed
    fixes.heading[i] = heading
  })
  return fixes
}

describe('fix codec', () => {
  it('round-trips segments and chunks to 1e-7 degree, 0.1 km/h and 0.01 degree', () => {
    const fixes = sample()
    for (const decoded of [
      decodeSegment(encodeSegment(fixes), 4),
      decodeChunk(encodeChunk(fixes, 0, 4), 4, T0, 7),
    ]) {
      expect(Array.from(decoded.t)).toEqual(Array.from(fixes.t))
      expect(Array.from(decoded.asset)).toEqual([7, 7, 7, 7])
      for (let i = 0; i < 4; i++) {
        expect(Math.abs(decoded.lat[i]! - fixes.lat[i]!)).toBeLessThan(1e-7)
        expect(Math.abs(decoded.lng[i]! - fixes.lng[i]!)).toBeLessThan(1e-7)
      }
      expect(decoded.speed[0]).toBeCloseTo(42.3, 5)
      // 359.999° rounds to 360.00, which is north again; unknown stays unknown.
      expect(decoded.heading[0]).toBe(0)
      expect(Number.isNaN(decoded.speed[1]!)).toBe(true)
      expect(Number.isNaN(decoded.heading[1]!)).toBe(true)
      expect(decoded.heading[2]).toBe(0)
    }
  })

  it('finds the last fix at or before a time without decoding the chunk', () => {
    const blob = encodeChunk(sample(), 0, 4)
    // A blob inside a larger buffer, at an odd offset, as SQLite may hand it back.
    const shifted = new Uint8Array(blob.length + 3)
    shifted.set(blob, 3)
    const view = shifted.subarray(3)
    expect(chunkIndexAtOrBefore(view, 4, T0, T0 - 1)).toBe(-1)
    expect(chunkIndexAtOrBefore(view, 4, T0, T0)).toBe(0)
    expect(chunkIndexAtOrBefore(view, 4, T0, T0 + 2499)).toBe(1)
    expect(chunkIndexAtOrBefore(view, 4, T0, T0 + 10 * 3600_000)).toBe(3)
    expect(chunkFixAt(view, 4, T0, 1)).toMatchObject({ t: T0 + 1000, lat: -33.8688197 })
  })

  it('sorts a vehicle’s fixes by time and keeps the last of equal times', () => {
    const fixes = allocFixes(4)
    fixes.t.set([3, 1, 3, 2])
    fixes.lat.set([30, 10, 31, 20])
    const unique = sortedUnique(fixes)
    expect(Array.from(unique.t)).toEqual([1, 2, 3])
    expect(Array.from(unique.lat)).toEqual([10, 20, 31])
  })
})
