import { describe, expect, it } from 'vitest'
import type { TelemetryBatch } from '../../../../shared/domain/telemetry'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { AssetStatus } from '../../../../shared/domain/telemetry'
import { applyBatch, createColumns } from '../../store/telemetry-columns'
import { detectAlerts } from './detect-alerts'

function batch(
  rows: { slot: number; status: AssetStatus; speed?: number }[],
  newSlots: TelemetryBatch['newSlots'] = [],
): TelemetryBatch {
  return {
    newSlots,
    slot: Uint32Array.from(rows.map((r) => r.slot)),
    lat: Float64Array.from(rows.map(() => 19.4)),
    lng: Float64Array.from(rows.map(() => -99.1)),
    speed: Float32Array.from(rows.map((r) => r.speed ?? Number.NaN)),
    heading: Float32Array.from(rows.map(() => 90)),
    fixTime: Float64Array.from(rows.map(() => 1000)),
    status: Uint8Array.from(rows.map((r) => codeFromStatus(r.status))),
  }
}

function fleet() {
  const cols = createColumns()
  applyBatch(
    cols,
    batch(
      [
        { slot: 0, status: 'live', speed: 50 },
        { slot: 1, status: 'live', speed: 50 },
        { slot: 2, status: 'stale', speed: 0 },
      ],
      [
        { slot: 0, assetId: 'a' },
        { slot: 1, assetId: 'b' },
        { slot: 2, assetId: 'c' },
      ],
    ),
  )
  return cols
}

describe('detectAlerts', () => {
  it('reports vehicles that turn stale or offline, not those that recover or stay', () => {
    const events = detectAlerts(
      fleet(),
      batch([
        { slot: 0, status: 'stale', speed: 50 },
        { slot: 1, status: 'live', speed: 50 },
        { slot: 2, status: 'offline', speed: 0 },
      ]),
      110,
      5,
    )
    expect(events).toEqual([
      { kind: 'stale', assetId: 'a', at: 5 },
      { kind: 'offline', assetId: 'c', at: 5 },
    ])
    expect(detectAlerts(fleet(), batch([{ slot: 2, status: 'live', speed: 10 }]), 110, 5)).toEqual([])
  })

  it('reports a speed crossing the limit upwards once, including a vehicle seen for the first time', () => {
    const cols = fleet()
    const first = batch([{ slot: 0, status: 'live', speed: 130 }])
    expect(detectAlerts(cols, first, 110, 1)).toEqual([{ kind: 'speeding', assetId: 'a', at: 1, speed: 130 }])
    applyBatch(cols, first)
    expect(detectAlerts(cols, batch([{ slot: 0, status: 'live', speed: 140 }]), 110, 2)).toEqual([])
    const newcomer = batch([{ slot: 3, status: 'live', speed: 120 }], [{ slot: 3, assetId: 'd' }])
    expect(detectAlerts(cols, newcomer, 110, 3)).toEqual([
      { kind: 'speeding', assetId: 'd', at: 3, speed: 120 },
    ])
  })
})
