import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseTelemetryBody } from './parse-telemetry'
import type { ParseOptions } from './telemetry-event'

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0)
const options: ParseOptions = { now: NOW, resolveAssetId: () => undefined }
const base = { assetId: 'a', lat: 1, lng: 2 }
const one = (fields: Record<string, unknown>) => {
  const { events, rejected } = parseTelemetryBody({ ...base, ...fields }, options)
  expect(rejected).toEqual([])
  return events[0]!
}

describe('parseTelemetryBody: time', () => {
  const t = Date.UTC(2025, 5, 1, 11, 59, 0)
  it.each(['timestamp', 'time', 'fixTime', 'gpsTime', 'recordedAt'])('reads %s', (key) => {
    expect(one({ [key]: t }).fixTime).toBe(t)
  })

  it('decides seconds vs milliseconds by magnitude, and accepts numeric strings', () => {
    expect(one({ time: t / 1000 }).fixTime).toBe(t)
    expect(one({ time: String(t / 1000) }).fixTime).toBe(t)
    expect(one({ time: t }).fixTime).toBe(t)
    expect(one({ time: String(t) }).fixTime).toBe(t)
    expect(one({ time: 99_999_999_999 }).fixTime).toBe(99_999_999_999_000)
  })

  it('reads ISO strings, offset-less ones as UTC', () => {
    expect(one({ time: '2025-06-01T11:59:00Z' }).fixTime).toBe(t)
    expect(one({ time: '2025-06-01T05:59:00-06:00' }).fixTime).toBe(t)
    expect(one({ time: '2025-06-01T11:59:00' }).fixTime).toBe(t)
    expect(one({ time: '2025-06-01T11:59:00.250Z' }).fixTime).toBe(t + 250)
  })

  it('uses now and marks timeMissing when the time is absent or unreadable', () => {
    expect(one({})).toMatchObject({ fixTime: NOW, timeMissing: true, receivedAt: NOW })
    const e = one({ time: 'yesterday' })
    expect(e).toMatchObject({ fixTime: NOW, timeMissing: true })
    expect(e.extra).toEqual({ time: 'yesterday' })
    expect(one({ time: t }).timeMissing).toBe(false)
  })

  it('flags fixes more than five minutes ahead', () => {
    expect(one({ time: NOW + 4 * 60_000 }).futureFix).toBe(false)
    expect(one({ time: NOW + 6 * 60_000 }).futureFix).toBe(true)
  })
})

describe('parseTelemetryBody: optional fields', () => {
  it('reads speed, heading and altitude aliases', () => {
    expect(one({ speed: '42.5' }).speed).toBe(42.5)
    expect(one({ speedKmh: 10 }).speed).toBe(10)
    expect(one({ heading: 90 }).heading).toBe(90)
    expect(one({ course: -90 }).heading).toBe(270)
    expect(one({ bearing: 720 }).heading).toBe(0)
    expect(one({ altitude: '2240' }).altitude).toBe(2240)
    expect(one({ alt: 5 }).altitude).toBe(5)
  })

  it('leaves absent or unreadable values null and keeps them in extra', () => {
    const e = one({ speed: -3, heading: 'north', ignition: true, driver: { name: 'Ana' } })
    expect(e).toMatchObject({ speed: null, heading: null, altitude: null })
    expect(e.extra).toEqual({ speed: -3, heading: 'north', ignition: true, driver: { name: 'Ana' } })
  })

  it('keeps a __proto__ field as data', () => {
    const body: unknown = JSON.parse('{"assetId":"a","lat":1,"lng":2,"__proto__":{"polluted":true}}')
    const e = parseTelemetryBody(body, options).events[0]!
    expect(Object.getPrototypeOf(e.extra)).toBe(Object.prototype)
    expect(Object.keys(e.extra)).toEqual(['__proto__'])
  })
})

describe('parseTelemetryBody: properties', () => {
  const inRange = (result: ReturnType<typeof parseTelemetryBody>) =>
    result.events.every((e) => Math.abs(e.lat) <= 90 && Math.abs(e.lng) <= 180 && Number.isFinite(e.fixTime))

  it('never throws on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(inRange(parseTelemetryBody(value, options))).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  const validEvent = fc.record({
    assetId: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
    lng: fc.double({ min: -180, max: 180, noNaN: true }),
    speed: fc.double({ min: 0, max: 300, noNaN: true }),
    time: fc.integer({ min: 0, max: 4_000_000_000 }),
  })
  const mutation = fc.record({
    key: fc.constantFrom(
      'assetId',
      'lat',
      'lng',
      'latitude',
      'position',
      'coordinates',
      'speed',
      'time',
      'data',
    ),
    value: fc.oneof(fc.jsonValue(), fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -91, 181, '1e400')),
  })

  it('counts every valid event exactly once', () => {
    fc.assert(
      fc.property(fc.array(validEvent, { maxLength: 20 }), (events) => {
        const result = parseTelemetryBody({ data: events }, options)
        expect(result.events).toHaveLength(events.length)
        expect(result.rejected).toHaveLength(0)
      }),
    )
  })

  it('never throws and never yields out-of-range positions on mutated bodies', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(validEvent, fc.array(mutation, { maxLength: 3 }))), (items) => {
        const body = items.map(([event, mutations]) => {
          const mutated: Record<string, unknown> = { ...event }
          for (const { key, value } of mutations) mutated[key] = value
          return mutated
        })
        const result = parseTelemetryBody(body, options)
        expect(result.events.length + result.rejected.length).toBe(body.length)
        expect(inRange(result)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
