import { describe, expect, it } from 'vitest'
import type { FleetFrame, Track } from '../../../../shared/domain/history'
import { defaultSettings } from '../../../../shared/schemas/settings'
import { assetStatus } from '../../store/selectors'
import { frameFromFleet, frameFromTracks, indexAtOrBefore, trailPoints } from './replay-frame'

const thresholds = defaultSettings().telemetry // stale after 120 s, offline after 600 s
const T0 = 1_764_000_000_000

function track(assetId: string, times: number[]): Track {
  return {
    assetId,
    t: Float64Array.from(times),
    lat: Float64Array.from(times, (_, i) => 19 + i),
    lng: Float64Array.from(times, () => -99),
    speed: Float32Array.from(times, () => 40),
    heading: Float32Array.from(times, () => 90),
  }
}

describe('replay frames', () => {
  it('places each tracked vehicle at its last fix by then, with the status that fix had then', () => {
    const tracks = [track('a', [T0, T0 + 60_000]), track('b', [T0 + 30_000]), track('c', [T0 + 999_000])]
    const cols = frameFromTracks(tracks, T0 + 200_000, thresholds)
    expect(cols.slotByAssetId.has('c')).toBe(false)
    expect(cols.lat[cols.slotByAssetId.get('a')!]).toBe(20)
    // a's last fix is 140 s old then (stale), b's 170 s.
    expect(assetStatus(cols, 'a')).toBe('stale')
    const early = frameFromTracks(tracks, T0 + 61_000, thresholds)
    expect(assetStatus(early, 'a')).toBe('live')
    expect(assetStatus(frameFromTracks(tracks, T0 + 700_000, thresholds), 'b')).toBe('offline')
  })

  it('draws a fleet frame whole, or only the list’s vehicles', () => {
    const frame: FleetFrame = {
      at: T0,
      assetIds: ['a', 'b'],
      fixTime: Float64Array.from([T0 - 1000, T0 - 900_000]),
      lat: Float64Array.from([1, 2]),
      lng: Float64Array.from([3, 4]),
      speed: Float32Array.from([5, 6]),
      heading: Float32Array.from([7, 8]),
    }
    const all = frameFromFleet(frame, thresholds, null)
    expect([assetStatus(all, 'a'), assetStatus(all, 'b')]).toEqual(['live', 'offline'])
    expect(all.positioned).toBe(2)
    const only = frameFromFleet(frame, thresholds, new Set(['b']))
    expect(only.positioned).toBe(1)
    expect(only.slotByAssetId.has('a')).toBe(false)
  })

  it('finds the last time at or before, and thins a long trail but keeps its newest point', () => {
    const times = Float64Array.from([10, 20, 30])
    expect([5, 10, 25, 99].map((t) => indexAtOrBefore(times, t))).toEqual([-1, 0, 1, 2])
    const long = track(
      'a',
      Array.from({ length: 10_001 }, (_, i) => T0 + i * 1000),
    )
    const points = trailPoints(long, T0, T0 + 10_000_000, 2000)
    expect(points.length).toBeLessThanOrEqual(2001)
    expect(points.at(-1)).toEqual([19 + 10_000, -99])
    expect(trailPoints(long, T0, T0 - 1)).toEqual([])
  })
})
