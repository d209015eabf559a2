import { describe, expect, it } from 'vitest'
import type { TelemetryBatch } from '../../../shared/domain/telemetry'
import { codeFromStatus } from '../../../shared/domain/telemetry'
import { createAppStore } from './index'

interface Row {
  slot: number
  lat: number
  lng: number
  speed?: number
  heading?: number
  fixTime?: number
  status?: 'live' | 'stale' | 'offline' | 'no-fix'
}

function batch(rows: Row[], newSlots: { slot: number; assetId: string }[] = []): TelemetryBatch {
  return {
    newSlots,
    slot: Uint32Array.from(rows.map((r) => r.slot)),
    lat: Float64Array.from(rows.map((r) => r.lat)),
    lng: Float64Array.from(rows.map((r) => r.lng)),
    speed: Float32Array.from(rows.map((r) => r.speed ?? Number.NaN)),
    heading: Float32Array.from(rows.map((r) => r.heading ?? Number.NaN)),
    fixTime: Float64Array.from(rows.map((r) => r.fixTime ?? 1000)),
    status: Uint8Array.from(rows.map((r) => codeFromStatus(r.status ?? 'live'))),
  }
}

describe('telemetry slice', () => {
  it('maps new slots and writes the rows', () => {
    const store = createAppStore()
    store.getState().applyTelemetryBatch(
      batch(
        [
          { slot: 0, lat: 19.43, lng: -99.13, speed: 42, heading: 90 },
          { slot: 1, lat: 20.67, lng: -103.35 },
        ],
        [
          { slot: 0, assetId: 'a' },
          { slot: 1, assetId: 'b' },
        ],
      ),
    )
    const s = store.getState()
    expect(s.telemetryVersion).toBe(1)
    expect(s.positionedCount).toBe(2)
    expect(s.telemetry.slotByAssetId.get('b')).toBe(1)
    expect(s.telemetry.assetIdBySlot[0]).toBe('a')
    expect(s.telemetry.lat[0]).toBeCloseTo(19.43)
    expect(s.telemetry.speed[0]).toBe(42)
    expect(Number.isNaN(s.telemetry.speed[1])).toBe(true)
  })

  it('updates only the changed rows in place, keeping the same buffers', () => {
    const store = createAppStore()
    const newSlots = Array.from({ length: 100 }, (_, i) => ({ slot: i, assetId: `asset-${i}` }))
    store.getState().applyTelemetryBatch(
      batch(
        newSlots.map((n) => ({ slot: n.slot, lat: 19, lng: -99 })),
        newSlots,
      ),
    )
    const before = store.getState().telemetry
    const latBuffer = before.lat
    store.getState().applyTelemetryBatch(batch([{ slot: 7, lat: 25.5, lng: -100.3, status: 'stale' }]))
    const after = store.getState().telemetry
    expect(after).toBe(before)
    expect(after.lat).toBe(latBuffer)
    expect(after.lat[7]).toBe(25.5)
    expect(after.lat[6]).toBe(19)
    expect(after.status[7]).toBe(codeFromStatus('stale'))
    expect(store.getState().telemetryVersion).toBe(2)
  })

  it('counts drawable assets as statuses and positions change', () => {
    const store = createAppStore()
    const apply = (b: TelemetryBatch) => store.getState().applyTelemetryBatch(b)
    apply(
      batch(
        [
          { slot: 0, lat: 1, lng: 1 },
          { slot: 1, lat: 2, lng: 2 },
        ],
        [
          { slot: 0, assetId: 'a' },
          { slot: 1, assetId: 'b' },
        ],
      ),
    )
    expect(store.getState().positionedCount).toBe(2)
    apply(batch([{ slot: 0, lat: 1, lng: 1, status: 'no-fix' }]))
    expect(store.getState().positionedCount).toBe(1)
    apply(batch([{ slot: 1, lat: Number.NaN, lng: 2, status: 'offline' }]))
    expect(store.getState().positionedCount).toBe(0)
    apply(batch([{ slot: 0, lat: 3, lng: 3, status: 'offline' }]))
    expect(store.getState().positionedCount).toBe(1)
  })

  it('grows past its initial capacity for 50k assets', () => {
    const store = createAppStore()
    const n = 50_000
    const slots = Uint32Array.from({ length: n }, (_, i) => i)
    const b: TelemetryBatch = {
      newSlots: Array.from({ length: n }, (_, i) => ({ slot: i, assetId: `a${i}` })),
      slot: slots,
      lat: new Float64Array(n).fill(19.4),
      lng: new Float64Array(n).fill(-99.1),
      speed: new Float32Array(n),
      heading: new Float32Array(n),
      fixTime: new Float64Array(n).fill(5),
      status: new Uint8Array(n),
    }
    store.getState().applyTelemetryBatch(b)
    const t = store.getState().telemetry
    expect(t.capacity).toBeGreaterThanOrEqual(n)
    expect(t.size).toBe(n)
    expect(t.slotByAssetId.get('a49999')).toBe(49_999)
    expect(store.getState().positionedCount).toBe(n)
  })

  it('re-points a reassigned slot and forgets everything on reset', () => {
    const store = createAppStore()
    store.getState().applyTelemetryBatch(batch([{ slot: 0, lat: 1, lng: 1 }], [{ slot: 0, assetId: 'old' }]))
    store.getState().applyTelemetryBatch(batch([], [{ slot: 0, assetId: 'new' }]))
    expect(store.getState().telemetry.slotByAssetId.has('old')).toBe(false)
    expect(store.getState().telemetry.slotByAssetId.get('new')).toBe(0)
    store.getState().resetTelemetry()
    expect(store.getState().positionedCount).toBe(0)
    expect(store.getState().telemetry.size).toBe(0)
  })
})
