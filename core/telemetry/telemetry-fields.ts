/** Small readers for untrusted JSON fields: each returns undefined rather than guessing. */

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Stricter than Number(): rejects '', '0x1f', 'Infinity' and whitespace-only strings, which Number() accepts.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** A finite number, or a string holding one in plain decimal notation. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (!DECIMAL.test(text)) return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}

/** A non-empty identifier; numeric ids are accepted and kept as their decimal text. */
export function toId(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim()
    return text === '' ? undefined : text
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** Epoch values below this are seconds: 1e11 s is the year 5138, 1e11 ms is March 1973. */
const SECONDS_BELOW = 1e11
/** The largest time a JS Date can hold. */
const MAX_TIME = 8.64e15
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/
const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/

/** Epoch ms from epoch seconds, epoch ms or an ISO 8601 string. */
export function toEpochMs(value: unknown): number | undefined {
  // An ISO date is tried first: it never reads as a decimal number (its '-' follows four digits),
  // and it is what servers send, so the number pattern is not run on every timestamp for nothing.
  const text = typeof value === 'string' ? value.trim() : ''
  if (!ISO_DATE.test(text)) {
    const n = toNumber(value)
    return n === undefined ? undefined : inRange(Math.abs(n) < SECONDS_BELOW ? n * 1000 : n)
  }
  // Date.parse reads an offset-less date-time as local time, which would shift every fix by the
  // dispatcher's time zone; servers emit UTC, so an offset-less time is read as UTC.
  const withZone = text.length > 10 && !HAS_OFFSET.test(text) ? text + 'Z' : text
  return inRange(Date.parse(withZone))
}

function inRange(ms: number): number | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME ? ms : undefined
}

/** Normalizes a heading into [0, 360). */
export function normalizeHeading(degrees: number): number {
  const h = degrees % 360
  const positive = h < 0 ? h + 360 : h
  // Tiny negatives round up to exactly 360, and -0 is not a heading anyone wants to display.
  return positive >= 360 || positive === 0 ? 0 : positive
}

/** Fields consumed from an event: `true` for a whole key, a set for keys consumed inside a nested object. */
export class Consumed {
  private readonly keys = new Map<string, true | Set<string>>()

  take(key: string, inner?: string): void {
    if (inner === undefined) {
      this.keys.set(key, true)
      return
    }
    const current = this.keys.get(key)
    if (current === true) return
    if (current) current.add(inner)
    else this.keys.set(key, new Set([inner]))
  }

  /**
   * The fields nobody consumed; nested objects keep their unconsumed part. Built key by key rather
   * than through Object.entries/fromEntries: this runs once per event and was the parser's largest cost.
   */
  remainder(event: JsonObject): Record<string, unknown> {
    const rest: Record<string, unknown> = {}
    for (const key of Object.keys(event)) {
      const taken = this.keys.get(key)
      if (taken === true) continue
      const value = event[key]
      if (taken && isObject(value)) {
        let inner: Record<string, unknown> | undefined
        for (const innerKey of Object.keys(value)) {
          if (!taken.has(innerKey)) setData((inner ??= {}), innerKey, value[innerKey])
        }
        if (inner) setData(rest, key, inner)
        continue
      }
      setData(rest, key, value)
    }
    return rest
  }
}

/**
 * Defines an own data property, as Object.fromEntries does: a '__proto__' key from JSON stays data
 * and never becomes the object's prototype (plain assignment would set it).
 */
function setData(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  } else {
    target[key] = value
  }
}
