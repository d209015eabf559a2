import { describe, expect, it } from 'vitest'
import { readDeviceRows } from './device-rows'

const full = {
  deviceId: 'd-1',
  serial: 'GT06-001',
  deviceName: 'Vehicle 01',
  assetId: 'a-1',
  organizationId: 'org-1',
  status: 'active',
  createdAt: '2025-01-15T10:00:00Z',
}

describe('readDeviceRows', () => {
  it('reads the documented row as it is, numbers becoming their text', () => {
    const { devices, skipped } = readDeviceRows([
      full,
      { ...full, deviceId: 17, assetId: 5, organizationId: 42 },
    ])
    expect(skipped).toEqual([])
    expect(devices).toEqual([full, { ...full, deviceId: '17', assetId: '5', organizationId: '42' }])
  })

  it.each([
    ['missing', { ...full, assetId: undefined }, 'missing'],
    ['null', { ...full, assetId: null }, 'missing'],
    ['blank', { ...full, assetId: '  ' }, 'missing'],
    ['an object', { ...full, assetId: { id: 'a-1' } }, 'wrong-type'],
    ['a boolean', { ...full, assetId: true }, 'wrong-type'],
    ['not finite', { ...full, assetId: Number.NaN }, 'wrong-type'],
  ])('skips a row whose assetId is %s', (_label, row, problem) => {
    const { devices, skipped } = readDeviceRows([full, row])
    expect(devices).toHaveLength(1)
    expect(skipped).toEqual([{ position: 1, field: 'assetId', problem }])
  })

  it.each([null, 'GT06-001', 42, [full]])('skips a row that is not an object (%j)', (row) => {
    expect(readDeviceRows([row]).skipped).toEqual([{ position: 0, problem: 'not-an-object' }])
  })

  it('keeps a row with nulls in every field but assetId, with a name to show', () => {
    const row = {
      deviceId: null,
      serial: null,
      deviceName: null,
      assetId: 'a-9',
      organizationId: null,
      status: null,
      createdAt: null,
    }
    expect(readDeviceRows([row]).devices).toEqual([
      {
        deviceId: 'a-9',
        serial: '',
        deviceName: 'a-9',
        assetId: 'a-9',
        organizationId: '',
        status: '',
        createdAt: '',
      },
    ])
  })

  it('names a nameless device by its serial, and ignores values of the wrong type', () => {
    const [device] = readDeviceRows([
      { ...full, deviceName: '  ', status: { code: 1 }, serial: 7001 },
    ]).devices
    expect(device).toMatchObject({ deviceName: '7001', serial: '7001', status: '', deviceId: 'd-1' })
    const [bare] = readDeviceRows([{ assetId: 'a-2' }]).devices
    expect(bare).toMatchObject({ deviceId: 'a-2', deviceName: 'a-2', serial: '' })
  })

  it('trims ids the way the telemetry parser does, so both meet on the same key', () => {
    const [device] = readDeviceRows([{ ...full, assetId: ' a-1 ', serial: ' GT06-001 ' }]).devices
    expect(device).toMatchObject({ assetId: 'a-1', serial: 'GT06-001' })
  })
})
