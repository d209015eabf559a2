import { STREETS } from '../../shared/geo/mexico-streets'
import type { CityId } from '../../shared/geo/mexico-streets'
import type { DeviceRecord } from './device-registry'
import type { Rng } from './random'
import { positionAt, prepareStreet } from './street-path'
import type { StreetPath } from './street-path'

const MIN_KMH = 20
const MAX_KMH = 70

/** What a webhook receives for one vehicle report (the undocumented body, as the simulator sends it). */
export interface TelemetryEvent {
  assetId: string
  deviceId: string
  serial: string
  lat: number
  lng: number
  /** km/h */
  speed: number
  /** Degrees clockwise from north. */
  heading: number
  timestamp: string
  ignition: boolean
  odometerKm: number
}

interface Vehicle {
  record: DeviceRecord
  path: StreetPath
  distance: number
  direction: 1 | -1
  speedKmh: number
  targetKmh: number
  odometerKm: number
  stopped: boolean
}

export interface Fleet {
  /** Moves every running vehicle by `dtMs` of simulated time. */
  advance(dtMs: number): void
  /** Reports of running vehicles whose device is present and active, grouped by organization key. */
  eventsByOrg(timestampMs: number): Map<string, TelemetryEvent[]>
  setStopped(assetId: string, stopped: boolean): boolean
  has(assetId: string): boolean
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

function streetsByCity(): Map<CityId, StreetPath[]> {
  const map = new Map<CityId, StreetPath[]>()
  for (const street of STREETS) {
    const path = prepareStreet(street)
    if (path.lengthM <= 0) continue
    map.set(street.city, [...(map.get(street.city) ?? []), path])
  }
  return map
}

/** Puts each record on a street of its city, round-robin, at a random point and direction. */
export function createFleet(records: DeviceRecord[], rng: Rng): Fleet {
  const byCity = streetsByCity()
  const perCityCount = new Map<CityId, number>()
  const vehicles = new Map<string, Vehicle>()
  for (const record of records) {
    const streets = byCity.get(record.city) ?? [...byCity.values()].flat()
    const k = perCityCount.get(record.city) ?? 0
    perCityCount.set(record.city, k + 1)
    const path = streets[k % streets.length]
    if (!path) continue
    const speedKmh = rng.range(MIN_KMH, MAX_KMH)
    vehicles.set(record.device.assetId, {
      record,
      path,
      distance: rng.next() * path.lengthM,
      direction: rng.next() < 0.5 ? 1 : -1,
      speedKmh,
      targetKmh: speedKmh,
      odometerKm: round(rng.range(5_000, 250_000), 3),
      stopped: false,
    })
  }

  const step = (v: Vehicle, dtSec: number): void => {
    // Traffic: drift toward a target speed that is redrawn now and then, like lights and jams.
    if (rng.next() < 0.05 * dtSec) v.targetKmh = rng.range(MIN_KMH, MAX_KMH)
    v.speedKmh += (v.targetKmh - v.speedKmh) * Math.min(1, dtSec / 8) + rng.range(-1.5, 1.5)
    v.speedKmh = Math.min(MAX_KMH, Math.max(MIN_KMH, v.speedKmh))
    let remaining = (v.speedKmh / 3.6) * dtSec
    v.odometerKm += remaining / 1000
    // Bounce at the ends: a U-turn keeps the vehicle on its street however long the step is.
    while (remaining > 0) {
      const room = v.direction === 1 ? v.path.lengthM - v.distance : v.distance
      if (remaining <= room) {
        v.distance += v.direction * remaining
        remaining = 0
      } else {
        v.distance = v.direction === 1 ? v.path.lengthM : 0
        remaining -= room
        v.direction = v.direction === 1 ? -1 : 1
      }
    }
  }

  const reporting = (v: Vehicle): boolean =>
    !v.stopped && v.record.present && v.record.device.status === 'active'

  return {
    advance(dtMs) {
      const dtSec = dtMs / 1000
      for (const v of vehicles.values()) if (reporting(v)) step(v, dtSec)
    },
    eventsByOrg(timestampMs) {
      const timestamp = new Date(timestampMs).toISOString()
      const byOrg = new Map<string, TelemetryEvent[]>()
      for (const v of vehicles.values()) {
        if (!reporting(v)) continue
        const p = positionAt(v.path, v.distance, v.direction)
        const { assetId, deviceId, serial } = v.record.device
        let out = byOrg.get(v.record.orgKey)
        if (!out) byOrg.set(v.record.orgKey, (out = []))
        out.push({
          assetId,
          deviceId,
          serial,
          lat: round(p.lat, 6),
          lng: round(p.lng, 6),
          speed: round(v.speedKmh, 1),
          heading: round(p.heading, 1),
          timestamp,
          ignition: true,
          odometerKm: round(v.odometerKm, 3),
        })
      }
      return byOrg
    },
    setStopped(assetId, stopped) {
      const v = vehicles.get(assetId)
      if (!v) return false
      v.stopped = stopped
      return true
    },
    has: (assetId) => vehicles.has(assetId),
  }
}
