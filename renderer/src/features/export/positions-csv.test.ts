import { describe, expect, it } from 'vitest'
import type { Device } from '../../../../shared/domain/device'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import { createColumns } from '../../store/telemetry-columns'
import { exportFileName, positionsCsv } from './positions-csv'

const device = (assetId: string, deviceName: string): Device => ({
  deviceId: `d-${assetId}`,
  serial: `S-${assetId}`,
  deviceName,
  assetId,
  organizationId: 'o',
  status: 'active',
  createdAt: '2025-01-01T00:00:00Z',
})

describe('positionsCsv', () => {
  it('writes the listed devices in order, with positions where known', () => {
    const cols = createColumns()
    cols.slotByAssetId.set('a', 0)
    cols.assetIdBySlot[0] = 'a'
    cols.lat[0] = 19.4326
    cols.lng[0] = -99.1332
    cols.speed[0] = 42.25
    cols.heading[0] = 90
    cols.fixTime[0] = Date.UTC(2026, 10, 25, 9, 30)
    cols.status[0] = codeFromStatus('live')
    cols.size = 1
    const devices = [device('a', 'Unidad "1", CDMX'), device('b', '=HYPERLINK("x")')]
    const lines = positionsCsv(devices, [1, 0], cols).split('\r\n')
    expect(lines[0]).toBe('name,serial,assetId,status,lat,lng,speed_kmh,heading_deg,fix_time_utc')
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",S-b,b,no-fix,,,,,`)
    expect(lines[2]).toBe(
      '"Unidad ""1"", CDMX",S-a,a,live,19.432600,-99.133200,42.3,90,2026-11-25T09:30:00.000Z',
    )
    expect(lines[3]).toBe('')
  })

  it('names files by local date and minute', () => {
    expect(exportFileName(new Date(2026, 0, 5, 7, 3))).toBe('fleet-positions-2026-01-05-0703.csv')
  })
})
