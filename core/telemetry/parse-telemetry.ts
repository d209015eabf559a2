import type { RejectReason } from '../../shared/domain/listener'
import { Consumed, isObject, normalizeHeading, toEpochMs, toId, toNumber } from './telemetry-fields'
import type { JsonObject } from './telemetry-fields'
import { readPosition } from './telemetry-position'
import { FUTURE_FIX_TOLERANCE_MS } from './telemetry-event'
import type { ParseOptions, ParseResult, TelemetryEvent } from './telemetry-event'

/** Wrappers nest rarely; anything deeper than this is hostile or broken, not telemetry. */
const MAX_DEPTH = 16
/** Fields that make an object an event rather than a `{data}` / `{events}` wrapper. */
const EVENT_MARKERS = ['assetId', 'asset_id', 'asset', 'serial', 'deviceId', 'device_id', 'lat', 'latitude']
const TIME_KEYS = [
  'fixTime',
  'fix_time',
  'gpsTime',
  'gps_time',
  'timestamp',
  'time',
  'recordedAt',
  'recorded_at',
]
const SPEED_KEYS = ['speed', 'speedKmh', 'speed_kmh']
const HEADING_KEYS = ['heading', 'course', 'bearing']
const ALTITUDE_KEYS = ['altitude', 'alt']

/**
 * Reads a webhook body of undocumented shape into normalized events. Never throws: whatever cannot
 * be keyed or placed comes back in `rejected` with its reason, for the counters and the inspector.
 */
export function parseTelemetryBody(body: unknown, options: ParseOptions): ParseResult {
  const result: ParseResult = { events: [], rejected: [] }
  const items: JsonObject[] = []
  collect(body, 0, items, result)
  for (const item of items) {
    try {
      const parsed = parseEvent(item, options)
      if ('reason' in parsed) result.rejected.push({ ...parsed, raw: item })
      else result.events.push(parsed)
    } catch (error) {
      // Only a throwing resolveAssetId can get here; one bad lookup must not lose the whole body.
      result.rejected.push({ reason: 'unknown-asset', detail: `lookup failed: ${String(error)}`, raw: item })
    }
  }
  return result
}

function collect(value: unknown, depth: number, items: JsonObject[], result: ParseResult): void {
  if (depth > MAX_DEPTH) {
    result.rejected.push({ reason: 'no-asset', detail: `nested deeper than ${MAX_DEPTH} levels`, raw: value })
    return
  }
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) collect(item, depth + 1, items, result)
    return
  }
  if (!isObject(value)) {
    result.rejected.push({ reason: 'no-asset', detail: `not an event object (${typeOf(value)})`, raw: value })
    return
  }
  const inner = unwrap(value)
  if (inner === undefined) items.push(value)
  else collect(inner, depth + 1, items, result)
}

/** The wrapped content of a `{data}`, `{events}` or GeoJSON FeatureCollection, or undefined for an event. */
function unwrap(value: JsonObject): unknown {
  if (value.type === 'FeatureCollection' && Array.isArray(value.features)) return value.features
  if (value.type === 'Feature' && isObject(value.properties)) {
    // A GeoJSON Feature keeps its key in properties and its position in geometry: flatten it.
    const { properties, type: _feature, ...rest } = value
    return { ...properties, ...rest }
  }
  if (EVENT_MARKERS.some((key) => key in value)) return undefined
  if ('events' in value) return value.events
  if ('data' in value) return value.data
  return undefined
}

type Rejection = { reason: RejectReason; detail: string }

function parseEvent(event: JsonObject, options: ParseOptions): TelemetryEvent | Rejection {
  const consumed = new Consumed()
  const key = readAssetId(event, consumed, options)
  if (typeof key !== 'string') return key
  if (options.isKnownAsset && !options.isKnownAsset(key)) {
    return { reason: 'unknown-asset', detail: `assetId ${key} is not in the device list` }
  }
  const position = readPosition(event, consumed)
  if (!position.ok) return { reason: 'bad-position', detail: position.detail }
  const time = readFirst(event, TIME_KEYS, consumed, toEpochMs)
  if (time === undefined && options.hasTimedFix?.(key)) {
    return { reason: 'untimed', detail: `no time, and ${key} already has a timed fix` }
  }
  const fixTime = time ?? options.now
  const speed = readFirst(event, SPEED_KEYS, consumed, (v) => nonNegative(toNumber(v)))
  const heading = readFirst(event, HEADING_KEYS, consumed, toNumber)
  const altitude = readFirst(event, ALTITUDE_KEYS, consumed, toNumber) ?? position.altitude
  return {
    assetId: key,
    lat: position.lat,
    lng: position.lng,
    speed: speed ?? null,
    heading: heading === undefined ? null : normalizeHeading(heading),
    altitude: altitude ?? null,
    fixTime,
    receivedAt: options.now,
    timeMissing: time === undefined,
    futureFix: fixTime > options.now + FUTURE_FIX_TOLERANCE_MS,
    extra: consumed.remainder(event),
  }
}

/** assetId, asset_id or asset.id first; a serial or deviceId only through the scope lookup. */
function readAssetId(event: JsonObject, consumed: Consumed, options: ParseOptions): string | Rejection {
  const direct = toId(event.assetId) ?? toId(event.asset_id)
  if (direct !== undefined) {
    consumed.take(toId(event.assetId) !== undefined ? 'assetId' : 'asset_id')
    return direct
  }
  const asset = event.asset
  const nested = isObject(asset) ? toId(asset.id) : undefined
  if (nested !== undefined) {
    consumed.take('asset', 'id')
    return nested
  }
  // serial and deviceId stay in extra: the detail panel shows which device reported.
  const serial = toId(event.serial)
  const deviceId = toId(event.deviceId) ?? toId(event.device_id)
  if (serial === undefined && deviceId === undefined) {
    return { reason: 'no-asset', detail: 'no assetId, asset_id, asset.id, serial or deviceId' }
  }
  const lookup: { serial?: string; deviceId?: string } = {}
  if (serial !== undefined) lookup.serial = serial
  if (deviceId !== undefined) lookup.deviceId = deviceId
  const resolved = toId(options.resolveAssetId(lookup))
  if (resolved !== undefined) return resolved
  const which = serial !== undefined ? `serial ${serial}` : `deviceId ${deviceId}`
  return { reason: 'unknown-asset', detail: `${which} is not in the webhook scope or the device list` }
}

/** The first of `keys` whose value `read` accepts; that key is consumed, unreadable ones stay in extra. */
function readFirst<T>(
  event: JsonObject,
  keys: readonly string[],
  consumed: Consumed,
  read: (value: unknown) => T | undefined,
): T | undefined {
  for (const key of keys) {
    if (!(key in event)) continue
    const value = read(event[key])
    if (value !== undefined) {
      consumed.take(key)
      return value
    }
  }
  return undefined
}

function nonNegative(n: number | undefined): number | undefined {
  return n !== undefined && n >= 0 ? n : undefined
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : typeof value
}
