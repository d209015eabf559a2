import { isObject, toNumber } from './telemetry-fields'
import type { Consumed, JsonObject } from './telemetry-fields'

export type PositionResult =
  { ok: true; lat: number; lng: number; altitude: number | undefined } | { ok: false; detail: string }

const LAT_KEYS = ['lat', 'latitude'] as const
const LNG_KEYS = ['lng', 'lon', 'longitude'] as const
/** Nested objects that may carry the position, in the order they are tried. */
const CONTAINERS = ['position', 'location', 'geometry'] as const

/**
 * Finds the position in the first place that has one: top-level lat/lng, a nested
 * position/location object, or GeoJSON coordinates ([lng, lat, alt?]). Lat and lng always come from
 * the same place, so a half-position in one place never mixes with another.
 */
export function readPosition(event: JsonObject, consumed: Consumed): PositionResult {
  const top = readLatLng(event, consumed, undefined)
  if (top) return top
  for (const key of CONTAINERS) {
    const container = event[key]
    if (!isObject(container)) continue
    const found = readLatLng(container, consumed, key) ?? readCoordinates(container, consumed, key)
    if (found) return found
  }
  return (
    readCoordinates(event, consumed, undefined) ?? {
      ok: false,
      detail: 'no position (lat/lng or coordinates)',
    }
  )
}

function readLatLng(
  source: JsonObject,
  consumed: Consumed,
  container: string | undefined,
): PositionResult | undefined {
  const latKey = LAT_KEYS.find((k) => k in source)
  if (latKey === undefined) return undefined
  const lngKey = LNG_KEYS.find((k) => k in source)
  const where = container ? `${container}.` : ''
  if (lngKey === undefined) return { ok: false, detail: `${where}${latKey} without a longitude` }
  const result = validate(source[latKey], source[lngKey], undefined, `${where}${latKey}/${lngKey}`)
  if (result.ok) {
    take(consumed, container, latKey)
    take(consumed, container, lngKey)
  }
  return result
}

function readCoordinates(
  source: JsonObject,
  consumed: Consumed,
  container: string | undefined,
): PositionResult | undefined {
  const coordinates = source.coordinates
  if (coordinates === undefined) return undefined
  const where = container ? `${container}.coordinates` : 'coordinates'
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    return { ok: false, detail: `${where} is not a [lng, lat] pair` }
  }
  const [lng, lat, alt] = coordinates as unknown[]
  const result = validate(lat, lng, alt, where)
  if (result.ok) {
    take(consumed, container, 'coordinates')
    // A GeoJSON Point's `type` says nothing once its coordinates are read.
    if (source.type === 'Point') take(consumed, container, 'type')
  }
  return result
}

function validate(rawLat: unknown, rawLng: unknown, rawAlt: unknown, where: string): PositionResult {
  const lat = toNumber(rawLat)
  const lng = toNumber(rawLng)
  if (lat === undefined || lng === undefined) {
    return { ok: false, detail: `${where} is not numeric (${short(rawLat)}, ${short(rawLng)})` }
  }
  if (lat < -90 || lat > 90) return { ok: false, detail: `latitude ${lat} is outside [-90, 90]` }
  if (lng < -180 || lng > 180) return { ok: false, detail: `longitude ${lng} is outside [-180, 180]` }
  return { ok: true, lat, lng, altitude: toNumber(rawAlt) }
}

function take(consumed: Consumed, container: string | undefined, key: string): void {
  if (container === undefined) consumed.take(key)
  else consumed.take(container, key)
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 40 ? text.slice(0, 40) + '…' : text
}
