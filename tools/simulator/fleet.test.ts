import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CITIES, STREETS } from '../../shared/geo/mexico-streets'
import { createDeviceRegistry } from './device-registry'
import { createFleet } from './fleet'
import type { TelemetryEvent } from './fleet'
import { bearingDeg, haversineMeters } from './geo-math'
import { createRng } from './random'
import { positionAt, prepareStreet } from './street-path'

function makeFleet(count: number, seed = 7) {
  const registry = createDeviceRegistry(createRng(seed))
  const records = registry.add(count, () => 'org')
  return { registry, fleet: createFleet(records, createRng(seed + 1)) }
}

const eventsOf = (fleet: ReturnType<typeof makeFleet>['fleet'], t = 0): TelemetryEvent[] =>
  fleet.eventsByOrg(t).get('org') ?? []

describe('street data', () => {
  it('has at least 6 streets of 10–40 points per city, near the city centre', () => {
    for (const city of CITIES) {
      const streets = STREETS.filter((s) => s.city === city.id)
      expect(streets.length).toBeGreaterThanOrEqual(6)
      for (const street of streets) {
        expect(street.points.length).toBeGreaterThanOrEqual(10)
        expect(street.points.length).toBeLessThanOrEqual(40)
        for (const p of street.points) expect(haversineMeters(p, city.center)).toBeLessThan(30_000)
      }
    }
  })

  it('stays compact enough to ship as the offline basemap', () => {
    const file = fileURLToPath(new URL('../../shared/geo/mexico-streets.ts', import.meta.url))
    expect(statSync(file).size).toBeLessThan(60_000)
  })
})

describe('street path', () => {
  const path = prepareStreet({
    city: 'cdmx',
    name: 't',
    points: [
      [19.4, -99.2],
      [19.41, -99.2],
      [19.41, -99.19],
    ],
  })

  it('interpolates by distance and reports the travel bearing', () => {
    const first = path.cumulative[1] ?? 0
    const mid = positionAt(path, first / 2, 1)
    expect(mid.lat).toBeCloseTo(19.405, 6)
    expect(mid.heading).toBeCloseTo(0, 0)
    expect(positionAt(path, first / 2, -1).heading).toBeCloseTo(180, 0)
    const east = positionAt(path, first + 10, 1)
    expect(east.heading).toBeCloseTo(bearingDeg([19.41, -99.2], [19.41, -99.19]), 6)
  })

  it('clamps at the ends', () => {
    expect(positionAt(path, path.lengthM + 5, 1)).toMatchObject({ lat: 19.41, lng: -99.19 })
    expect(positionAt(path, -5, 1)).toMatchObject({ lat: 19.4, lng: -99.2 })
  })
})

describe('fleet', () => {
  it('is deterministic for a seed', () => {
    const a = makeFleet(30)
    const b = makeFleet(30)
    a.fleet.advance(1000)
    b.fleet.advance(1000)
    expect(eventsOf(a.fleet)).toEqual(eventsOf(b.fleet))
  })

  it('moves every vehicle at 20–70 km/h along its street, with a plausible heading', () => {
    const { fleet } = makeFleet(60)
    const before = new Map(eventsOf(fleet).map((e) => [e.assetId, e]))
    for (let i = 0; i < 5; i++) fleet.advance(1000)
    const after = eventsOf(fleet)
    expect(after).toHaveLength(60)
    for (const e of after) {
      const prev = before.get(e.assetId)
      if (!prev) throw new Error('vehicle vanished')
      expect(e.speed).toBeGreaterThanOrEqual(20)
      expect(e.speed).toBeLessThanOrEqual(70)
      expect(e.heading).toBeGreaterThanOrEqual(0)
      expect(e.heading).toBeLessThan(360)
      // 5 s at ≤ 70 km/h is ≤ ~97 m (straight-line, so bounces only shorten it).
      const moved = haversineMeters([prev.lat, prev.lng], [e.lat, e.lng])
      expect(moved).toBeLessThan(100)
      expect(e.odometerKm).toBeGreaterThan(prev.odometerKm)
      expect(e.ignition).toBe(true)
    }
  })

  it('keeps vehicles on their city after long runs (bouncing at street ends)', () => {
    const { fleet } = makeFleet(9)
    for (let i = 0; i < 200; i++) fleet.advance(60_000)
    for (const e of eventsOf(fleet)) {
      const nearest = Math.min(...CITIES.map((c) => haversineMeters([e.lat, e.lng], c.center)))
      expect(nearest).toBeLessThan(30_000)
    }
  })

  it('silences stopped, removed and inactive vehicles', () => {
    const { fleet, registry } = makeFleet(5)
    const [a, b, c] = eventsOf(fleet).map((e) => e.assetId)
    if (!a || !b || !c) throw new Error('expected vehicles')
    expect(fleet.setStopped(a, true)).toBe(true)
    registry.remove(b)
    registry.setStatus(c, 'inactive')
    expect(eventsOf(fleet).map((e) => e.assetId)).not.toContain(a)
    expect(eventsOf(fleet)).toHaveLength(2)
    fleet.setStopped(a, false)
    expect(eventsOf(fleet)).toHaveLength(3)
    expect(fleet.setStopped('nope', true)).toBe(false)
  })
})
