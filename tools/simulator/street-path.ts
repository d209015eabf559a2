import type { CityId, StreetLine } from '../../shared/geo/mexico-streets'
import { bearingDeg, haversineMeters } from './geo-math'

/** A street prepared for distance-based interpolation. */
export interface StreetPath {
  city: CityId
  name: string
  points: [number, number][]
  /** cumulative[i] = metres from points[0] to points[i]. */
  cumulative: number[]
  lengthM: number
}

export interface PathPosition {
  lat: number
  lng: number
  /** Bearing of the segment in the direction of travel. */
  heading: number
}

export function prepareStreet(street: StreetLine): StreetPath {
  const cumulative = [0]
  for (let i = 1; i < street.points.length; i++) {
    const a = street.points[i - 1]
    const b = street.points[i]
    cumulative.push((cumulative[i - 1] ?? 0) + (a && b ? haversineMeters(a, b) : 0))
  }
  return { ...street, cumulative, lengthM: cumulative[cumulative.length - 1] ?? 0 }
}

/** Index of the segment containing `distance` (binary search: streets have up to 40 points). */
function segmentAt(path: StreetPath, distance: number): number {
  let lo = 0
  let hi = path.cumulative.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((path.cumulative[mid] ?? 0) <= distance) lo = mid
    else hi = mid - 1
  }
  return Math.max(0, lo)
}

/** Point `distance` metres along the path, heading along travel (`direction` -1 = backwards). */
export function positionAt(path: StreetPath, distance: number, direction: 1 | -1): PathPosition {
  const i = segmentAt(path, distance)
  const a = path.points[i]
  const b = path.points[i + 1] ?? a
  if (!a || !b) return { lat: 0, lng: 0, heading: 0 }
  const start = path.cumulative[i] ?? 0
  const span = (path.cumulative[i + 1] ?? start) - start
  const t = span > 0 ? Math.min(1, Math.max(0, (distance - start) / span)) : 0
  const heading = direction === 1 ? bearingDeg(a, b) : bearingDeg(b, a)
  return { lat: a[0] + (b[0] - a[0]) * t, lng: a[1] + (b[1] - a[1]) * t, heading }
}
