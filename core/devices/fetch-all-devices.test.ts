import { describe, expect, it } from 'vitest'
import { readDeviceRows } from '../tagora/device-rows'
import { makeDevice, makeDevices } from '../../test/fakes/fake-devices'
import type { DevicePageRead } from './fetch-all-devices'
import { fetchAllDevices, isAbortError, MalformedDevicePageError } from './fetch-all-devices'

/** Rows read the way the client reads them. */
function read(rows: readonly unknown[]): DevicePageRead {
  return { rows, ...readDeviceRows(rows) }
}

function pager(fleet: readonly unknown[]) {
  const calls: Array<[number, number]> = []
  const fetchPage = (limit: number, offset: number): Promise<DevicePageRead> => {
    calls.push([limit, offset])
    return Promise.resolve(read(fleet.slice(offset, offset + limit)))
  }
  return { fetchPage, calls }
}

async function deviceIds(
  fetchPage: (limit: number, offset: number) => Promise<DevicePageRead>,
  pageSize: number,
) {
  const { devices } = await fetchAllDevices(fetchPage, { pageSize })
  return devices.map((device) => device.deviceId)
}

describe('fetchAllDevices', () => {
  it('pages until an empty page, reporting progress', async () => {
    const { fetchPage, calls } = pager(makeDevices(7))
    const progress: number[] = []
    const { devices, skipped } = await fetchAllDevices(fetchPage, {
      pageSize: 3,
      onProgress: (n) => progress.push(n),
    })
    expect(skipped).toBeUndefined()
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
      return Promise.resolve(read(fleet.slice(offset, offset + 4)))
    }
    expect(await deviceIds(capped, 10)).toHaveLength(25)
    expect(calls).toEqual([0, 4, 8, 12, 16, 20, 24, 25])
  })

  it('stops on an empty page when the fleet fills the pages exactly', async () => {
    const { fetchPage, calls } = pager(makeDevices(6))
    expect(await deviceIds(fetchPage, 3)).toHaveLength(6)
    expect(calls).toHaveLength(3)
  })

  it('returns an empty list for an empty fleet, with the documented page size by default', async () => {
    const { fetchPage, calls } = pager([])
    expect(await fetchAllDevices(fetchPage)).toEqual({ devices: [] })
    expect(calls).toEqual([[10_000, 0]])
  })

  it('de-duplicates a device that shifted into the next page, keeping the later copy', async () => {
    const pages = [
      [makeDevice(1), makeDevice(2)],
      [makeDevice(2, { deviceName: 'renamed' }), makeDevice(3)],
      [makeDevice(4)],
    ]
    let call = 0
    const { devices } = await fetchAllDevices(() => Promise.resolve(read(pages[call++] ?? [])), {
      pageSize: 2,
    })
    expect(devices.map((device) => device.deviceId)).toEqual(['dev-1', 'dev-2', 'dev-3', 'dev-4'])
    expect(devices[1]?.deviceName).toBe('renamed')
  })

  it('skips malformed rows, counts them, and moves the offset by the rows received', async () => {
    const fleet: unknown[] = makeDevices(7)
    fleet[3] = { ...makeDevice(4), assetId: '   ' }
    fleet[5] = [makeDevice(6)]
    const { fetchPage, calls } = pager(fleet)
    const { devices, skipped } = await fetchAllDevices(fetchPage, { pageSize: 3 })
    expect(devices.map((device) => device.deviceId)).toEqual(['dev-1', 'dev-2', 'dev-3', 'dev-5', 'dev-7'])
    expect(skipped).toEqual({ count: 2, first: { position: 3, field: 'assetId', problem: 'missing' } })
    expect(calls.map(([, offset]) => offset)).toEqual([0, 3, 6, 7])
  })

  it('does not take a page of unreadable rows for the end of the list', async () => {
    const fleet: unknown[] = [...makeDevices(2), 1, 2, ...makeDevices(2, 3)]
    const { fetchPage, calls } = pager(fleet)
    expect(await deviceIds(fetchPage, 2)).toEqual(['dev-1', 'dev-2', 'dev-3', 'dev-4'])
    expect(calls.map(([, offset]) => offset)).toEqual([0, 2, 4, 6])
  })

  it('fails when not one row of the list can be read, naming the first', async () => {
    const broken = [{ deviceName: 'no ids' }, { assetId: true }]
    const error: unknown = await fetchAllDevices(pager(broken).fetchPage, { pageSize: 5 }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(MalformedDevicePageError)
    expect((error as Error).message).toMatch(
      /none of the 2 devices listed could be read: row 1: assetId is missing/,
    )
    expect((error as MalformedDevicePageError).toInfo()).toMatchObject({
      code: 'unreadable-devices',
      facts: { service: 'Tagora', call: 'GET /devices', offset: 0 },
    })
  })

  it('stops when the server repeats a page of unreadable rows (it ignores offset)', async () => {
    const page = [...makeDevices(1), null]
    let call = 0
    const fetchPage = () => Promise.resolve(read(call++ === 0 ? page : [null, null]))
    await expect(fetchAllDevices(fetchPage, { pageSize: 2 })).rejects.toThrow(/ignoring offset/)
    expect(call).toBe(3)
  })

  it('stops instead of looping when the server ignores offset', async () => {
    const page = read(makeDevices(2))
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
    await expect(fetchAllDevices(() => Promise.resolve(read([])), { pageSize: 0 })).rejects.toBeInstanceOf(
      RangeError,
    )
  })
})
