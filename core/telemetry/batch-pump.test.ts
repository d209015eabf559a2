import { describe, expect, it, vi } from 'vitest'
import { BATCH_INTERVAL_MS, createBatchPump } from './batch-pump'
import { TelemetryStore } from './telemetry-store'
import { FakeClock } from '../../test/fakes/fake-clock'
import type { TelemetryEvent } from './telemetry-event'
import type { TelemetryBatch } from '../../shared/domain/telemetry'

const T0 = 1_750_000_000_000

function fix(assetId: string, fixTime: number, lat = 1): TelemetryEvent {
  const base = { speed: null, heading: null, altitude: null, timeMissing: false, futureFix: false, extra: {} }
  return { ...base, assetId, lat, lng: 2, fixTime, receivedAt: fixTime }
}

function setup(ready = () => true) {
  const clock = new FakeClock(T0)
  const store = new TelemetryStore({ clock })
  const sent: TelemetryBatch[] = []
  const pump = createBatchPump({ store, clock, send: (b) => sent.push(b), isReceiverReady: ready })
  return { clock, store, sent, pump }
}

describe('createBatchPump', () => {
  it('sends one coalesced batch per interval, and nothing when nothing changed', () => {
    const { clock, store, sent, pump } = setup()
    pump.start()
    store.apply([fix('a', T0), fix('a', T0 + 1), fix('b', T0)])
    clock.advance(BATCH_INTERVAL_MS - 1)
    expect(sent).toHaveLength(0)
    clock.advance(1)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.slot.length).toBe(2)
    clock.advance(1000)
    expect(sent).toHaveLength(1)
  })

  it('does not drain while the receiver is not ready, then sends the latest state once', () => {
    let ready = false
    const { clock, store, sent, pump } = setup(() => ready)
    pump.start()
    for (let i = 0; i < 50; i++) {
      store.apply([fix('a', T0 + i, i)])
      clock.advance(100)
    }
    expect(sent).toHaveLength(0)
    ready = true
    clock.advance(100)
    expect(sent).toHaveLength(1)
    expect(Array.from(sent[0]!.lat)).toEqual([49])
  })

  it('reevaluates statuses every 5 s even when no event arrives', () => {
    const { clock, store, sent, pump } = setup()
    const reevaluate = vi.spyOn(store, 'reevaluateStatuses')
    store.apply([fix('a', T0)])
    pump.start()
    clock.advance(4900)
    expect(reevaluate).not.toHaveBeenCalled()
    clock.advance(100)
    expect(reevaluate).toHaveBeenCalledTimes(1)
    clock.advance(2 * 60_000)
    expect(sent.at(-1)?.status[0]).toBe(1) // stale
  })

  it('stops cleanly and survives a throwing send', () => {
    const clock = new FakeClock(T0)
    const store = new TelemetryStore({ clock })
    const send = vi.fn(() => {
      throw new Error('window gone')
    })
    const pump = createBatchPump({ store, clock, send })
    pump.start()
    store.apply([fix('a', T0)])
    clock.advance(100)
    store.apply([fix('a', T0 + 1)])
    clock.advance(100)
    expect(send).toHaveBeenCalledTimes(2)
    pump.stop()
    expect(clock.pendingCount()).toBe(0)
    store.apply([fix('a', T0 + 2)])
    clock.advance(1000)
    expect(send).toHaveBeenCalledTimes(2)
  })
})
