import { describe, expect, it } from 'vitest'
import type { Device } from '../../../../shared/domain/device'
import { buildSearchIndex, filterDevices } from './device-filter'

function device(n: number, name: string): Device {
  return {
    deviceId: `d${n}`,
    serial: `SN-${1000 + n}`,
    deviceName: name,
    assetId: `asset-${n}`,
    organizationId: 'org',
    status: 'active',
    createdAt: '2024-01-01T00:00:00Z',
  }
}

const devices = [device(1, 'Camión Reforma 12'), device(2, 'Van Centro'), device(3, 'Camión Norte')]
const index = buildSearchIndex(devices)

describe('filterDevices', () => {
  it('returns everything for a blank search', () => {
    expect(filterDevices(index, '  ')).toEqual([0, 1, 2])
  })
  it('matches name, serial and asset id case-insensitively', () => {
    expect(filterDevices(index, 'camión')).toEqual([0, 2])
    expect(filterDevices(index, 'sn-1002')).toEqual([1])
    expect(filterDevices(index, 'ASSET-3')).toEqual([2])
  })
  it('requires every word to match', () => {
    expect(filterDevices(index, 'camión norte')).toEqual([2])
    expect(filterDevices(index, 'van norte')).toEqual([])
  })
})
