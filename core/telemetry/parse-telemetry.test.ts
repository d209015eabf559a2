import { describe, expect, it } from 'vitest'
import { parseTelemetryBody } from './parse-telemetry'
import type { ParseOptions } from './telemetry-event'

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0)
const options: ParseOptions = {
  now: NOW,
  resolveAssetId: ({ serial, deviceId }) =>
    serial === 'GT06-001' ? 'asset-a' : deviceId === 'dev-2' ? 'asset-b' : undefined,
}
const parse = (body: unknown) => parseTelemetryBody(body, options)
const one = (body: unknown) => {
  const result = parse(body)
  expect(result.rejected).toEqual([])
  expect(result.events).toHaveLength(1)
  return result.events[0]!
}

describe('parseTelemetryBody: events without a time', () => {
  const timed = new Set(['a1'])
  const withHistory: ParseOptions = { ...options, hasTimedFix: (assetId) => timed.has(assetId) }

  it('refuses one for a vehicle that has a timed fix, with its reason, and takes it for others', () => {
    const result = parseTelemetryBody(
      [
        { assetId: 'a1', lat: 19.4, lng: -99.1 },
        { assetId: 'a2', lat: 19.4, lng: -99.1 },
        { assetId: 'a1', lat: 19.4, lng: -99.1, time: NOW / 1000 },
      ],
      withHistory,
    )
    expect(result.rejected.map((r) => r.reason)).toEqual(['untimed'])
    expect(result.events.map((e) => [e.assetId, e.timeMissing])).toEqual([
      ['a2', true],
      ['a1', false],
    ])
  })
})

describe('parseTelemetryBody: shapes', () => {
  const event = { assetId: 'a1', lat: 19.4, lng: -99.1 }

  it('accepts one event, an array, and nested data/events wrappers', () => {
    expect(one(event).assetId).toBe('a1')
    expect(parse([event, event]).events).toHaveLength(2)
    expect(one({ data: event }).lat).toBe(19.4)
    expect(parse({ events: [event, event] }).events).toHaveLength(2)
    expect(parse({ data: { events: [[event], { data: [event] }] }, requestId: 'r1' }).events).toHaveLength(2)
    expect(parse({ data: [] })).toEqual({ events: [], rejected: [] })
  })

  it('accepts GeoJSON Features and FeatureCollections', () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-99.1, 19.4, 2240] },
      properties: { assetId: 'a1', color: 'red' },
    }
    const e = one({ type: 'FeatureCollection', features: [feature] })
    expect(e).toMatchObject({ assetId: 'a1', lat: 19.4, lng: -99.1, altitude: 2240, extra: { color: 'red' } })
  })

  it('rejects primitives and over-deep nesting without throwing', () => {
    expect(parse(42).rejected[0]?.reason).toBe('no-asset')
    expect(parse([null, 'x']).rejected).toHaveLength(2)
    let deep: unknown = event
    for (let i = 0; i < 40; i++) deep = [deep]
    expect(parse(deep).rejected[0]?.detail).toMatch(/nested deeper/)
  })
})

describe('parseTelemetryBody: keys', () => {
  const pos = { lat: 1, lng: 2 }
  it.each([
    [{ assetId: 'x' }, 'x'],
    [{ asset_id: 'x' }, 'x'],
    [{ asset: { id: 'x', name: 'Truck' } }, 'x'],
    [{ assetId: 77 }, '77'],
    [{ serial: 'GT06-001' }, 'asset-a'],
    [{ deviceId: 'dev-2' }, 'asset-b'],
    [{ device_id: 'dev-2' }, 'asset-b'],
  ])('keys %j as %s', (key, expected) => {
    expect(one({ ...key, ...pos }).assetId).toBe(expected)
  })

  it('keeps serial, deviceId and the rest of asset in extra', () => {
    expect(one({ serial: 'GT06-001', ...pos }).extra).toEqual({ serial: 'GT06-001' })
    expect(one({ asset: { id: 'x', name: 'Truck' }, ...pos }).extra).toEqual({ asset: { name: 'Truck' } })
  })

  it('rejects events without a key or with an unresolvable serial/deviceId', () => {
    expect(parse({ ...pos }).rejected[0]?.reason).toBe('no-asset')
    expect(parse({ assetId: '  ', ...pos }).rejected[0]?.reason).toBe('no-asset')
    expect(parse({ serial: 'nope', ...pos }).rejected[0]).toMatchObject({ reason: 'unknown-asset' })
    expect(parse({ deviceId: 'nope', ...pos }).rejected[0]?.detail).toMatch(/deviceId nope/)
  })

  it('rejects an assetId outside the device list as unknown-asset, keeping the known ones', () => {
    const known: ParseOptions = { ...options, isKnownAsset: (id) => id === 'asset-a' }
    const result = parseTelemetryBody(
      [
        { assetId: 'ghost', ...pos },
        { assetId: 'asset-a', ...pos },
      ],
      known,
    )
    expect(result.rejected).toEqual([expect.objectContaining({ reason: 'unknown-asset' })])
    expect(result.events.map((e) => e.assetId)).toEqual(['asset-a'])
  })

  it('reports a throwing resolver as unknown-asset', () => {
    const throwing: ParseOptions = {
      now: NOW,
      resolveAssetId: () => {
        throw new Error('boom')
      },
    }
    expect(parseTelemetryBody({ serial: 's', ...pos }, throwing).rejected[0]?.reason).toBe('unknown-asset')
  })
})

describe('parseTelemetryBody: positions', () => {
  it.each([
    [{ lat: 19.4, lng: -99.1 }],
    [{ latitude: 19.4, longitude: -99.1 }],
    [{ lat: 19.4, lon: -99.1 }],
    [{ lat: '19.4', lng: ' -99.1 ' }],
    [{ position: { lat: 19.4, lng: -99.1 } }],
    [{ position: { latitude: 19.4, longitude: -99.1 } }],
    [{ location: { lat: 19.4, lon: -99.1 } }],
    [{ location: { type: 'Point', coordinates: [-99.1, 19.4] } }],
    [{ type: 'Point', coordinates: [-99.1, 19.4] }],
    [{ geometry: { type: 'Point', coordinates: ['-99.1', '19.4'] } }],
  ])('reads %j', (position) => {
    const e = one({ assetId: 'a', ...position })
    expect([e.lat, e.lng]).toEqual([19.4, -99.1])
    expect(e.extra).toEqual({})
  })

  it.each([
    [{}],
    [{ lat: 19.4 }],
    [{ lat: 'abc', lng: 1 }],
    [{ lat: NaN, lng: 1 }],
    [{ lat: '0x10', lng: 1 }],
    [{ lat: 91, lng: 0 }],
    [{ lat: 0, lng: -180.5 }],
    [{ coordinates: [1] }],
    [{ position: 'here' }],
  ])('rejects %j as bad-position', (position) => {
    expect(parse({ assetId: 'a', ...position }).rejected[0]?.reason).toBe('bad-position')
  })

  it('keeps the unconsumed part of a position object', () => {
    expect(one({ assetId: 'a', position: { lat: 1, lng: 2, accuracy: 5 } }).extra).toEqual({
      position: { accuracy: 5 },
    })
  })
})
