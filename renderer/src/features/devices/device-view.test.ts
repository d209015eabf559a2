import { describe, expect, it } from 'vitest'
import type { Device } from '../../../../shared/domain/device'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import { createColumns } from '../../store/telemetry-columns'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import { buildDeviceView } from './device-view'
import type { DeviceViewInput } from './device-view'

function device(assetId: string, deviceName: string): Device {
  return {
    deviceId: `d-${assetId}`,
    serial: `S-${assetId}`,
    deviceName,
    assetId,
    organizationId: 'org',
    status: 'active',
    createdAt: '2025-01-01T00:00:00Z',
  }
}

function columnsWith(
  rows: { assetId: string; status: 'live' | 'stale' | 'offline'; speed: number; fixTime: number }[],
) {
  const cols: TelemetryColumns = createColumns()
  rows.forEach((row, slot) => {
    cols.slotByAssetId.set(row.assetId, slot)
    cols.assetIdBySlot[slot] = row.assetId
    cols.status[slot] = codeFromStatus(row.status)
    cols.speed[slot] = row.speed
    cols.fixTime[slot] = row.fixTime
    cols.lat[slot] = 19
    cols.lng[slot] = -99
    cols.size = slot + 1
  })
  return cols
}

const devices = [
  device('a', 'Unidad 10'),
  device('b', 'Unidad 2'),
  device('c', 'Unidad 1'),
  device('d', 'Grúa'),
]
const telemetry = columnsWith([
  { assetId: 'a', status: 'live', speed: 30, fixTime: 3000 },
  { assetId: 'b', status: 'stale', speed: 80, fixTime: 1000 },
  { assetId: 'c', status: 'live', speed: 0, fixTime: 2000 },
])
const base: DeviceViewInput = {
  devices,
  searchMatches: [0, 1, 2, 3],
  telemetry,
  filter: 'all',
  sort: 'name',
  outOfScope: null,
}
const ids = (rows: number[]) => rows.map((i) => devices[i]?.assetId)

describe('buildDeviceView', () => {
  it('sorts names naturally, so Unidad 2 comes before Unidad 10', () => {
    expect(ids(buildDeviceView(base).rows)).toEqual(['d', 'c', 'b', 'a'])
  })

  it('counts every status chip over the search matches, with no position for silent devices', () => {
    const { counts } = buildDeviceView({ ...base, outOfScope: new Set(['d']) })
    expect(counts).toEqual({ all: 4, live: 2, stale: 1, offline: 0, 'no-fix': 1, 'out-of-scope': 1 })
  })

  it('filters by status and by scope', () => {
    expect(ids(buildDeviceView({ ...base, filter: 'live' }).rows)).toEqual(['c', 'a'])
    expect(ids(buildDeviceView({ ...base, filter: 'no-fix' }).rows)).toEqual(['d'])
    expect(
      ids(buildDeviceView({ ...base, filter: 'out-of-scope', outOfScope: new Set(['b']) }).rows),
    ).toEqual(['b'])
    expect(buildDeviceView({ ...base, filter: 'out-of-scope' }).rows).toEqual([])
  })

  it('sorts by speed and by last fix, fastest and newest first, unknown last', () => {
    expect(ids(buildDeviceView({ ...base, sort: 'speed' }).rows)).toEqual(['b', 'a', 'c', 'd'])
    expect(ids(buildDeviceView({ ...base, sort: 'last-seen' }).rows)).toEqual(['a', 'c', 'b', 'd'])
  })

  it('keeps only the search matches', () => {
    const view = buildDeviceView({ ...base, searchMatches: [1, 3] })
    expect(ids(view.rows)).toEqual(['d', 'b'])
    expect(view.counts.all).toBe(2)
  })
})
