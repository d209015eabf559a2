/**
 * When a vehicle may glide from where it is drawn to its new fix, and how long the glide lasts. Pure
 * functions of two fixes: the motion model and the trail's breaks ask the same question, so a gap on
 * the map is a gap in the trail too.
 */

/** What the rules need to know of one fix. Speed in km/h, NaN when unknown. */
export interface FixSample {
  lat: number
  lng: number
  fixTime: number
  speed: number
}

/** A glide never lasts longer than this, whatever the report interval: the map never lags further. */
export const MAX_GLIDE_MS = 5_000
/** Nor shorter than this: a burst of fixes still moves rather than flickers. */
export const MIN_GLIDE_MS = 150
/** Fixes further apart in time than this are a gap (the store calls a vehicle stale after 2 min). */
export const MAX_GAP_MS = 120_000
/** Speed assumed when neither fix says (km/h): motorway pace, so only real jumps are gaps. */
const UNKNOWN_SPEED_KMH = 130
/** Reported speeds are rounded and sampled: allow this much faster (×) plus a margin (km/h). */
const SPEED_FACTOR = 1.5
const SPEED_MARGIN_KMH = 30
/** GPS noise: a move this short is never a jump. */
const NOISE_M = 50
const EARTH_RADIUS_M = 6_371_008.8

export type MotionDecision = 'glide' | 'jump' | 'same'

/** Metres between two points on the sphere (haversine). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The furthest a vehicle can plausibly have gone between two fixes, from the speeds they report. */
export function plausibleMeters(prev: FixSample, next: FixSample): number {
  const reported = Math.max(
    Number.isFinite(prev.speed) ? prev.speed : -1,
    Number.isFinite(next.speed) ? next.speed : -1,
  )
  const kmh = reported < 0 ? UNKNOWN_SPEED_KMH : reported * SPEED_FACTOR + SPEED_MARGIN_KMH
  return (kmh / 3.6) * ((next.fixTime - prev.fixTime) / 1000) + NOISE_M
}

/**
 * Glide from `prev` to `next`, or jump: no previous fix, an older fix (out of order), a time gap, a
 * vehicle no longer live, or a move longer than it could have driven. The same fix again: 'same'.
 */
export function decideMotion(
  prev: FixSample | null,
  next: FixSample,
  live: boolean,
  maxGapMs = MAX_GAP_MS,
): MotionDecision {
  if (prev === null || !Number.isFinite(prev.lat) || !Number.isFinite(prev.fixTime)) return 'jump'
  if (next.fixTime === prev.fixTime && next.lat === prev.lat && next.lng === prev.lng) return 'same'
  if (!live) return 'jump'
  const dt = next.fixTime - prev.fixTime
  if (!(dt > 0) || dt > maxGapMs) return 'jump'
  return distanceMeters(prev, next) > plausibleMeters(prev, next) ? 'jump' : 'glide'
}

/** The next glide's length: the vehicle's report interval, smoothed, within MIN..MAX_GLIDE_MS. */
export function nextInterval(previousMs: number, observedMs: number): number {
  const smoothed = Number.isFinite(previousMs) ? previousMs * 0.7 + observedMs * 0.3 : observedMs
  return Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, smoothed))
}

/** Heading from `from` towards `to` at fraction t, turning the short way round; degrees 0..360. */
export function turnHeading(from: number, to: number, t: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return to
  const delta = ((((to - from) % 360) + 540) % 360) - 180
  return (((from + delta * t) % 360) + 360) % 360
}

/** How far along its glide a vehicle is: linear, so glide after glide it moves at an even pace. */
export function glideFraction(elapsedMs: number, durationMs: number): number {
  if (!(durationMs > 0) || elapsedMs >= durationMs) return 1
  if (elapsedMs <= 0) return 0
  return elapsedMs / durationMs
}

/**
 * A trail cut where the step from one point to the next is a gap by the same rules (points carry no
 * speed, so the unknown-speed allowance applies): each piece is drawn as its own line. Points carry
 * no status either: a pause longer than `maxGapMs` (the desk's "stale after") is the vehicle out of
 * touch, as the map's jump after a stale spell is.
 */
export function trailSegments<T extends { lat: number; lng: number; fixTime: number }>(
  points: readonly T[],
  maxGapMs = MAX_GAP_MS,
): T[][] {
  const segments: T[][] = []
  let current: T[] = []
  let prev: T | null = null
  for (const point of points) {
    const sample = { ...point, speed: Number.NaN }
    const step = prev ? decideMotion({ ...prev, speed: Number.NaN }, sample, true, maxGapMs) : 'jump'
    if (step === 'jump' && current.length > 0) {
      segments.push(current)
      current = []
    }
    current.push(point)
    prev = point
  }
  if (current.length > 0) segments.push(current)
  return segments
}
