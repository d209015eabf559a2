import { describe, expect, it } from 'vitest'
import type { Device } from '../../../../shared/domain/device'
import { makeDevice, makeDevices } from './device-fixtures'
import { fetchAllDevices, isAbortError, MalformedDevicePageError } from './fetch-all-devices'

function pager(fleet: Device[]) {
  const calls: Array<[number, number]> = []
  const fetchPage = (limit: number, offset: number): Promise<Device[]> => {
    calls.push([limit, offset])
    return Promise.resolve(fleet.slice(offset, offset + limit))
  }
  return { fetchPage, calls }
}

describe('fetchAllDevices', () => {
  it('pages until an empty page, reporting progress', async () => {
    const { fetchPage, calls } = pager(makeDevices(7))
    const progress: number[] = []
    const devices = await fetchAllDevices(fetchPage, { pageSize: 3, onProgress: (n) => progress.push(n) })
    expect(devices.map((device) => device.deviceId)).toEqual(makeDevices(7).map((device) => device.deviceId))
    expect(calls).toEqual([
      [3, 0],
      [3, 3],
      [3, 6],
      [3, 7],
    ])
    expect(progress).toEqual([3, 6, 7, 7])
  })

  it('keeps paging after a short page: a server may cap pages below the limit asked for', async () => {
    const fleet = makeDevices(25)
    const calls: number[] = []
    const capped = (_limit: number, offset: number) => {
      calls.push(offset)
      return Promise.resolve(fleet.slice(offset, offset + 4))
    }
    const devices = await fetchAllDevices(capped, { pageSize: 10 })
    expect(devices).toHaveLength(25)
    expect(calls).toEqual([0, 4, 8, 12, 16, 20, 24, 25])
  })

  it('stops on an empty page when the fleet fills the pages exactly', async () => {
    const { fetchPage, calls } = pager(makeDevices(6))
    expect(await fetchAllDevices(fetchPage, { pageSize: 3 })).toHaveLength(6)
    expect(calls).toHaveLength(3)
  })

  it('returns an empty list for an empty fleet, with the documented page size by default', async () => {
    const { fetchPage, calls } = pager([])
    expect(await fetchAllDevices(fetchPage)).toEqual([])
    expect(calls).toEqual([[10_000, 0]])
  })

  it('de-duplicates a device that shifted into the next page, keeping the later copy', async () => {
    const pages = [
      [makeDevice(1), makeDevice(2)],
      [makeDevice(2, { deviceName: 'renamed' }), makeDevice(3)],
      [makeDevice(4)],
    ]
    let call = 0
    const devices = await fetchAllDevices(() => Promise.resolve(pages[call++] ?? []), { pageSize: 2 })
    expect(devices.map((device) => device.deviceId)).toEqual(['dev-1', 'dev-2', 'dev-3', 'dev-4'])
    expect(devices[1]?.deviceName).toBe('renamed')
  })

  it('throws on a malformed page', async () => {
    const broken = [makeDevice(1), { deviceName: 'no ids' }] as unknown as Device[]
    await expect(fetchAllDevices(() => Promise.resolve(broken), { pageSize: 5 })).rejects.toBeInstanceOf(
      MalformedDevicePageError,
    )
    const notAList = { items: [] } as unknown as Device[]
    await expect(fetchAllDevices(() => Promise.resolve(notAList))).rejects.toThrow(
      /unreadable page of devices at offset 0/,
    )
  })

  it('stops instead of looping when the server ignores offset', async () => {
    const page = makeDevices(2)
    await expect(fetchAllDevices(() => Promise.resolve(page), { pageSize: 2 })).rejects.toThrow(
      /ignoring offset/,
    )
  })

  it('throws an AbortError when aborted between pages', async () => {
    const controller = new AbortController()
    const { fetchPage } = pager(makeDevices(10))
    const error: unknown = await fetchAllDevices(
      (limit, offset) => {
        if (offset > 0) controller.abort()
        return fetchPage(limit, offset)
      },
      { pageSize: 3, signal: controller.signal },
    ).catch((caught: unknown) => caught)
    expect(isAbortError(error)).toBe(true)
  })

  it('rejects a nonsense page size', async () => {
    await expect(fetchAllDevices(() => Promise.resolve([]), { pageSize: 0 })).rejects.toBeInstanceOf(
      RangeError,
    )
  })
})
