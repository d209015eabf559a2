import { describe, expect, it } from 'vitest'
import { TelemetryStore } from './telemetry-store'
import { FakeClock } from '../../test/fakes/fake-clock'
import { fakeFix } from '../../test/fakes/fake-fixes'
import type { TelemetryEvent } from './telemetry-event'
import { statusFromCode } from '../../shared/domain/telemetry'
import type { TelemetryBatch } from '../../shared/domain/telemetry'

const T0 = 1_750_000_000_000
const MIN = 60_000

/** A fix whose latitude moves with its time, so every fix of a vehicle is at a different place. */
function fix(assetId: string, fixTime: number, overrides: Partial<TelemetryEvent> = {}): TelemetryEvent {
  return fakeFix(assetId, fixTime, { lat: 19 + (fixTime - T0) / 1e9, lng: -99, ...overrides })
}

function setup() {
  const clock = new FakeClock(T0)
  const store = new TelemetryStore({ clock })
  return { clock, store }
}

const rows = (batch: TelemetryBatch | null) =>
  batch ? Array.from(batch.slot, (slot, i) => ({ slot, status: statusFromCode(batch.status[i]!) })) : []

describe('TelemetryStore.apply', () => {
  it('never lets a fix without its own time move a vehicle that has a timed fix', () => {
    const { clock, store } = setup()
    expect(store.hasTimedFix('a')).toBe(false)
    store.apply([fix('a', T0 - 5000)])
    expect(store.hasTimedFix('a')).toBe(true)
    clock.advance(60_000)
    const untimed = fix('a', T0 + 60_000, { timeMissing: true, lat: 1, lng: 1 })
    expect(store.apply([untimed])).toMatchObject({ applied: 0, untimed: 1 })
    expect(store.detail('a')).toMatchObject({ fixTime: T0 - 5000, lng: -99 })
    // An asset that only ever reported without times keeps moving on them (their time is all it has).
    store.apply([fix('b', T0, { timeMissing: true })])
    expect(store.hasTimedFix('b')).toBe(false)
    expect(store.apply([fix('b', T0 + 1000, { timeMissing: true, lat: 2 })])).toMatchObject({ applied: 1 })
  })

  it('keeps the latest fix and counts duplicates and out-of-order fixes', () => {
    const { store } = setup()
    expect(store.apply([fix('a', T0), fix('a', T0 + 1000)])).toEqual({
      applied: 2,
      duplicates: 0,
      outOfOrder: 0,
      untimed: 0,
    })
    expect(store.apply([fix('a', T0 + 1000), fix('a', T0 + 500), fix('a', T0 + 500)])).toEqual({
      applied: 0,
      duplicates: 2,
      outOfOrder: 1,
      untimed: 0,
    })
    expect(store.detail('a')?.fixTime).toBe(T0 + 1000)
    expect(store.trail('a').map((p) => p.fixTime)).toEqual([T0, T0 + 500, T0 + 1000])
  })

  it('forgets every asset on clear, so the next session starts from slot 0', () => {
    const { store } = setup()
    store.apply([fix('a', T0), fix('b', T0)])
    store.clear()
    expect(store.size).toBe(0)
    expect(store.detail('a')).toBeNull()
    expect(store.drainBatch()).toBeNull()
    store.apply([fix('c', T0)])
    expect(store.drainBatch()?.newSlots).toEqual([{ slot: 0, assetId: 'c' }])
  })

  it('never moves the marker back, and sets lastSeenAt from receivedAt', () => {
    const { store } = setup()
    store.apply([fix('a', T0 + 5000, { lat: 5 }), fix('a', T0, { lat: 1, receivedAt: T0 + 9000 })])
    expect(store.detail('a')).toMatchObject({ lat: 5, fixTime: T0 + 5000, lastSeenAt: T0 + 9000 })
  })

  it('lets a normal fix replace a fix from a wrong future clock and trims that fix from the trail', () => {
    const { store } = setup()
    store.apply([fix('a', T0 + 60 * MIN, { futureFix: true }), fix('a', T0 + 1000)])
    expect(store.detail('a')?.fixTime).toBe(T0 + 1000)
    expect(store.trail('a').map((p) => p.fixTime)).toEqual([T0 + 1000])
  })

  it('stores unregistered assets and reports details with extra and altitude', () => {
    const { store } = setup()
    store.apply([fix('ghost', T0, { altitude: 2240, speed: null, extra: { ignition: true } })])
    expect(store.size).toBe(1)
    expect(store.detail('ghost')).toEqual({
      assetId: 'ghost',
      lat: 19,
      lng: -99,
      speed: null,
      heading: 90,
      fixTime: T0,
      lastSeenAt: T0,
      status: 'live',
      extra: { ignition: true, altitude: 2240 },
    })
    expect(store.detail('nobody')).toBeNull()
  })

  it('bounds trails by count and age', () => {
    const clock = new FakeClock(T0)
    const store = new TelemetryStore({ clock, trailMaxPoints: 3, trailMaxAgeMs: 10 * MIN })
    store.apply([1, 2, 3, 4, 5].map((i) => fix('a', T0 + i)))
    expect(store.trail('a')).toHaveLength(3)
    clock.advance(10 * MIN + 4)
    expect(store.trail('a').map((p) => p.fixTime)).toEqual([T0 + 4, T0 + 5])
    expect(store.apply([fix('a', T0 + 1)]).outOfOrder).toBe(1)
    expect(store.trail('a')).toHaveLength(2)
  })
})

describe('TelemetryStore batches', () => {
  it('drains only changed assets, introducing each slot once', () => {
    const { store } = setup()
    store.registerAssets(['a', 'b', 'c'])
    expect(store.drainBatch()).toBeNull()
    store.apply([fix('b', T0), fix('c', T0)])
    const first = store.drainBatch()!
    expect(first.newSlots).toEqual([
      { slot: 1, assetId: 'b' },
      { slot: 2, assetId: 'c' },
    ])
    expect(Array.from(first.slot)).toEqual([1, 2])
    expect(first.lat[0]).toBe(19)
    expect(first.speed[0]).toBe(40)
    expect(first.fixTime[1]).toBe(T0)
    expect(store.drainBatch()).toBeNull()

    store.apply([fix('b', T0 + 1000), fix('b', T0 + 2000, { speed: null }), fix('a', T0)])
    const second = store.drainBatch()!
    expect(second.newSlots).toEqual([{ slot: 0, assetId: 'a' }])
    expect(Array.from(second.slot)).toEqual([1, 0])
    expect(second.fixTime[0]).toBe(T0 + 2000)
    expect(second.speed[0]).toBeNaN()
  })

  it('snapshots every asset with a position without disturbing the drain', () => {
    const { store } = setup()
    store.registerAssets(['a', 'b'])
    store.apply([fix('b', T0)])
    const snapshot = store.snapshotBatch()
    expect(snapshot.newSlots).toEqual([{ slot: 1, assetId: 'b' }])
    expect(store.drainBatch()?.newSlots).toEqual([{ slot: 1, assetId: 'b' }])
  })

  it('moves statuses live → stale → offline with time alone, marking them changed', () => {
    const { clock, store } = setup()
    store.registerAssets(['idle'])
    store.apply([fix('a', T0)])
    expect(rows(store.drainBatch())).toEqual([{ slot: 1, status: 'live' }])
    expect(store.detail('idle')?.status).toBe('no-fix')

    clock.advance(2 * MIN)
    expect(store.reevaluateStatuses()).toBe(0)
    clock.advance(1)
    expect(store.reevaluateStatuses()).toBe(1)
    expect(rows(store.drainBatch())).toEqual([{ slot: 1, status: 'stale' }])
    clock.advance(8 * MIN)
    store.reevaluateStatuses()
    expect(rows(store.drainBatch())).toEqual([{ slot: 1, status: 'offline' }])
    expect(store.detail('idle')?.status).toBe('no-fix')

    store.apply([fix('a', clock.now())])
    expect(rows(store.drainBatch())).toEqual([{ slot: 1, status: 'live' }])
  })

  it('applies new thresholds to every asset at once', () => {
    const { clock, store } = setup()
    store.apply([fix('a', T0)])
    store.drainBatch()
    clock.advance(30_000)
    store.setThresholds({ staleAfterMs: 10_000, offlineAfterMs: 20_000 })
    expect(rows(store.drainBatch())).toEqual([{ slot: 0, status: 'offline' }])
    store.setThresholds({ staleAfterMs: 20_000, offlineAfterMs: 60_000 })
    expect(rows(store.drainBatch())).toEqual([{ slot: 0, status: 'stale' }])
  })

  it('cuts every trail to new, smaller limits at once', () => {
    const { clock, store } = setup()
    for (let i = 0; i < 10; i++) store.apply([fix('a', T0 + i * MIN)])
    clock.advance(9 * MIN)
    store.setTrailLimits({ maxPoints: 4, maxAgeMs: 30 * MIN })
    expect(store.trail('a').map((p) => p.fixTime)).toEqual([6, 7, 8, 9].map((i) => T0 + i * MIN))
    store.setTrailLimits({ maxPoints: 100, maxAgeMs: 2 * MIN })
    expect(store.trail('a').map((p) => p.fixTime)).toEqual([7, 8, 9].map((i) => T0 + i * MIN))
  })

  it('holds 50,000 assets and drains them in one batch', () => {
    const { store } = setup()
    const ids = Array.from({ length: 50_000 }, (_, i) => `asset-${i}`)
    store.registerAssets(ids)
    store.apply(ids.map((id, i) => fix(id, T0 - i)))
    const batch = store.drainBatch()!
    expect(batch.slot.length).toBe(50_000)
    expect(batch.newSlots).toHaveLength(50_000)
    expect(store.snapshotBatch().slot.length).toBe(50_000)
  })
})
