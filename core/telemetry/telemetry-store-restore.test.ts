import { describe, expect, it } from 'vitest'
import type { FleetFrame } from '../../shared/domain/history'
import { FakeClock } from '../../test/fakes/fake-clock'
import { fakeFix } from '../../test/fakes/fake-fixes'
import type { TelemetryEvent } from './telemetry-event'
import { TelemetryStore } from './telemetry-store'

const T0 = 1_750_000_000_000
const MIN = 60_000

const fix = (assetId: string, fixTime: number, lat = 19.4) => fakeFix(assetId, fixTime, { lat })

function frame(rows: [assetId: string, fixTime: number, lat: number][]): FleetFrame {
  return {
    at: T0,
    assetIds: rows.map((r) => r[0]),
    fixTime: Float64Array.from(rows.map((r) => r[1])),
    lat: Float64Array.from(rows.map((r) => r[2])),
    lng: Float64Array.from(rows.map(() => -99.1)),
    speed: Float32Array.from(rows.map(() => 30)),
    heading: Float32Array.from(rows.map(() => 180)),
  }
}

describe('TelemetryStore.restore', () => {
  it('places each vehicle where it was last heard, never live until a new fix arrives', () => {
    const clock = new FakeClock(T0)
    const store = new TelemetryStore({ clock })
    // Seconds old (would be live), minutes old (stale), an hour old (offline).
    expect(
      store.restore(
        frame([
          ['a', T0 - 5000, 1],
          ['b', T0 - 5 * MIN, 2],
          ['c', T0 - 60 * MIN, 3],
        ]),
      ),
    ).toBe(3)
    expect(['a', 'b', 'c'].map((id) => store.detail(id)?.status)).toEqual(['stale', 'stale', 'offline'])
    expect(store.detail('a')).toMatchObject({ lat: 1, fixTime: T0 - 5000, speed: 30, heading: 180 })
    // The periodic re-evaluation keeps the rule, and moves them on with time.
    store.reevaluateStatuses()
    expect(store.detail('a')?.status).toBe('stale')
    clock.advance(20 * MIN)
    store.reevaluateStatuses()
    expect(store.detail('a')?.status).toBe('offline')

    // A new fix makes it live like any other.
    clock.advance(1000)
    store.apply([fix('a', clock.now())])
    expect(store.detail('a')?.status).toBe('live')
    store.reevaluateStatuses()
    expect(store.detail('a')?.status).toBe('live')
    // The restored fix is known: the same fix delivered again is a duplicate, not a move.
    expect(store.apply([fix('b', T0 - 5 * MIN, 2)]).duplicates).toBe(1)
  })

  it('keeps a newer fix heard in this run, and is part of the next batch', () => {
    const clock = new FakeClock(T0)
    const store = new TelemetryStore({ clock })
    store.apply([fix('a', T0 - 1000, 7)])
    store.drainBatch()
    expect(
      store.restore(
        frame([
          ['a', T0 - 60_000, 1],
          ['b', T0 - 60_000, 2],
        ]),
      ),
    ).toBe(1)
    expect(store.detail('a')).toMatchObject({ lat: 7, status: 'live' })
    const batch = store.drainBatch()
    expect(batch?.newSlots.map((s) => s.assetId)).toEqual(['b'])
  })

  it('reports which events it accepted, for the history', () => {
    const store = new TelemetryStore({ clock: new FakeClock(T0) })
    const accepted: TelemetryEvent[] = []
    const first = fix('a', T0)
    const late = fix('a', T0 - 1000)
    store.apply([first, fix('a', T0), late], accepted)
    expect(accepted).toEqual([first, late])
  })
})
