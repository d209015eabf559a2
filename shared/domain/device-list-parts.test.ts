import { describe, expect, it } from 'vitest'
import type { Device } from './device'
import { createDeviceListAssembler, splitDeviceList } from './device-list-parts'

const devices = (n: number, from = 0): Device[] =>
  Array.from({ length: n }, (_u, i) => ({
    deviceId: `d${from + i}`,
    serial: `s${from + i}`,
    deviceName: '',
    assetId: `a${from + i}`,
    organizationId: 'o',
    status: 'active',
    createdAt: '',
  }))

describe('device list parts', () => {
  it('splits and reassembles in order', () => {
    const list = devices(12)
    const parts = splitDeviceList(list, 1, 5)
    expect(parts.map((p) => p.devices.length)).toEqual([5, 5, 2])
    const assemble = createDeviceListAssembler()
    expect(assemble(parts[0]!)).toBeNull()
    expect(assemble(parts[1]!)).toBeNull()
    expect(assemble(parts[2]!)).toEqual(list)
  })

  it('sends an empty list as one empty part', () => {
    const parts = splitDeviceList([], 3, 5)
    expect(parts).toEqual([{ listId: 3, part: 0, parts: 1, devices: [] }])
    expect(createDeviceListAssembler()(parts[0]!)).toEqual([])
  })

  it('drops an unfinished older list when a newer one starts, and ignores late parts of it', () => {
    const assemble = createDeviceListAssembler()
    const old = splitDeviceList(devices(10), 1, 5)
    const fresh = splitDeviceList(devices(6, 100), 2, 5)
    expect(assemble(old[0]!)).toBeNull()
    expect(assemble(fresh[0]!)).toBeNull()
    expect(assemble(old[1]!)).toBeNull()
    expect(assemble(fresh[1]!)?.map((d) => d.deviceId)).toEqual(devices(6, 100).map((d) => d.deviceId))
  })

  it('ignores a duplicated part', () => {
    const assemble = createDeviceListAssembler()
    const parts = splitDeviceList(devices(10), 1, 5)
    expect(assemble(parts[0]!)).toBeNull()
    expect(assemble(parts[0]!)).toBeNull()
    expect(assemble(parts[1]!)).toHaveLength(10)
  })
})
