import { describe, expect, it } from 'vitest'
import { describe as describeError } from '../../shared/errors/describe'
import type { DeviceSyncState } from '../../shared/domain/device'
import { silentLogger } from '../logging/logger'
import { FakeClock, flushPromises } from '../../test/fakes/fake-clock'
import { TagoraApiError } from '../tagora/tagora-api-error'
import type { DeviceListResponse, DeviceQuery, TagoraClient } from '../tagora/tagora-client'
import { devicePage, makeDevice, makeDevices } from '../../test/fakes/fake-devices'
import { fakeDeviceClient } from '../../test/fakes/fake-devices'
import { DeviceSync } from './device-sync'

function setup(
  fleet: () => readonly unknown[],
  override?: (query: DeviceQuery, call: number) => Promise<DeviceListResponse> | undefined,
) {
  const clock = new FakeClock()
  const { client, queries } = fakeDeviceClient(fleet, override)
  const tokens: string[] = []
  const session = {
    authorized: <T>(run: (token: string, client: TagoraClient) => Promise<T>): Promise<T> => {
      tokens.push('tok')
      return run('tok', client)
    },
  }
  const sync = new DeviceSync({ session, logger: silentLogger, clock, pageSize: 3 })
  const events: Array<{ count: number; state: DeviceSyncState }> = []
  sync.onChange((devices, state) => events.push({ count: devices.length, state }))
  return { sync, clock, queries, events, tokens }
}

const serverError = new TagoraApiError({
  code: 'server-error',
  call: 'GET /devices',
  url: 'https://api.test/devices',
  status: 503,
  requestId: 'e5f6a7b8',
})

describe('DeviceSync', () => {
  it('fetches every page through the session and reports progress', async () => {
    const { sync, clock, queries, events, tokens } = setup(() => makeDevices(7))
    const state = await sync.refresh('active')
    expect(state).toEqual({
      phase: 'idle',
      fetched: 7,
      lastSyncedAt: clock.now(),
      problem: null,
      lastChange: { added: 7, removed: 0 },
      statusFilter: 'active',
    })
    expect(sync.devices()).toHaveLength(7)
    expect(queries.map((query) => [query.offset, query.status])).toEqual([
      [0, 'active'],
      [3, 'active'],
      [6, 'active'],
      [7, 'active'],
    ])
    expect(tokens).toHaveLength(4)
    expect(events.map((event) => event.state.phase)).toEqual([
      'syncing',
      'syncing',
      'syncing',
      'syncing',
      'syncing',
      'idle',
    ])
    expect(events.map((event) => event.state.fetched)).toEqual([0, 3, 6, 7, 7, 7])
    expect(sync.lastChange()).toEqual({ added: 7, removed: 0 })
  })

  it('counts added and removed devices between syncs', async () => {
    let fleet = makeDevices(5)
    const { sync } = setup(() => fleet)
    await sync.refresh()
    fleet = [...makeDevices(3, 3), ...makeDevices(2, 10)]
    await sync.refresh()
    expect(sync.lastChange()).toEqual({ added: 2, removed: 2 })
    expect(sync.devices().map((device) => device.deviceId)).toEqual([
      'dev-3',
      'dev-4',
      'dev-5',
      'dev-10',
      'dev-11',
    ])
  })

  it('runs one sync at a time', async () => {
    const { sync, queries } = setup(() => makeDevices(2))
    const first = sync.refresh()
    const second = sync.refresh()
    expect(second).toBe(first)
    await first
    // One page and the empty page that ends the list.
    expect(queries).toHaveLength(2)
    await sync.refresh()
    expect(queries).toHaveLength(4)
  })

  it('keeps the previous list when a sync fails mid-way, with the request id in the error', async () => {
    let failing = false
    const { sync } = setup(
      () => makeDevices(7),
      (_query, call) => (failing && call === 5 ? Promise.reject(serverError) : undefined),
    )
    await sync.refresh()
    failing = true
    const state = await sync.refresh()
    expect(state.phase).toBe('error')
    expect(state.problem).toMatchObject({ code: 'server-error', requestId: 'e5f6a7b8' })
    expect(state.lastSyncedAt).not.toBeNull()
    expect(sync.devices()).toHaveLength(7)
  })

  it('shows the error after a mid-sync failure, and a retry brings the whole list', async () => {
    let fleet = makeDevices(4)
    let failAt: number | null = null
    const { sync } = setup(
      () => fleet,
      (query) => (query.offset === failAt ? Promise.reject(serverError) : undefined),
    )
    await sync.refresh()
    fleet = makeDevices(8)
    failAt = 6
    const failed = await sync.refresh()
    expect(failed.phase).toBe('error')
    // The failure's facts travel with it (the renderer says them in the user's language) and leave with it.
    expect(failed.problem).toMatchObject({ code: 'server-error', requestId: 'e5f6a7b8' })
    expect(sync.devices()).toHaveLength(4)
    failAt = null
    const retried = await sync.refresh()
    expect(retried).toMatchObject({ phase: 'idle', problem: null, lastChange: { added: 4, removed: 0 } })
    expect(sync.devices()).toHaveLength(8)
  })

  it('reads past short pages and stops at the empty one', async () => {
    const fleet = makeDevices(7)
    const { sync, queries } = setup(
      () => fleet,
      (query) => Promise.resolve(devicePage(fleet.slice(query.offset, query.offset + 2), 'short')),
    )
    await sync.refresh()
    expect(sync.devices()).toHaveLength(7)
    expect(queries.map((query) => query.offset)).toEqual([0, 2, 4, 6, 7])
  })

  it('keeps the previous list when not one device of the list can be read (a changed format)', async () => {
    let broken = false
    const { sync } = setup(() => (broken ? [{ nope: true }, { assetId: null }] : makeDevices(2)))
    await sync.refresh()
    broken = true
    const state = await sync.refresh()
    expect(state.phase).toBe('error')
    expect(state.problem).toMatchObject({ code: 'unreadable-devices', facts: { call: 'GET /devices' } })
    expect(describeError(state.problem!, 'en')).toMatch(
      /none of the 2 devices listed could be read: row 1: assetId is missing/,
    )
    expect(sync.devices()).toHaveLength(2)
  })

  it('skips a malformed device, counts it in the state, and keeps syncing the rest', async () => {
    const fleet: unknown[] = makeDevices(8)
    fleet[4] = { ...makeDevice(5), assetId: undefined, serial: null }
    const { sync, queries } = setup(() => fleet)
    const state = await sync.refresh()
    expect(state).toMatchObject({
      phase: 'idle',
      fetched: 7,
      problem: null,
      skipped: { count: 1, first: { position: 4, field: 'assetId', problem: 'missing' } },
    })
    expect(sync.devices().map((device) => device.deviceId)).not.toContain('dev-5')
    expect(sync.devices()).toHaveLength(7)
    // The offset moves by the rows received (3), not by the devices kept (2 on the second page).
    expect(queries.map((query) => query.offset)).toEqual([0, 3, 6, 8])
  })

  it('counts every skipped row over the pages and keeps the first one’s place', async () => {
    const fleet: unknown[] = makeDevices(9)
    fleet[2] = null
    fleet[6] = { ...makeDevice(7), assetId: { id: 7 } }
    fleet[7] = 'not a device'
    const { sync } = setup(() => fleet)
    const state = await sync.refresh()
    expect(state.skipped).toEqual({ count: 3, first: { position: 2, problem: 'not-an-object' } })
    expect(sync.devices()).toHaveLength(6)
  })

  it('reads past a page where every row is malformed', async () => {
    const fleet: unknown[] = [...makeDevices(3), { bad: 1 }, { bad: 2 }, { bad: 3 }, ...makeDevices(2, 7)]
    const { sync, queries } = setup(() => fleet)
    const state = await sync.refresh()
    expect(state).toMatchObject({ phase: 'idle', skipped: { count: 3, first: { position: 3 } } })
    expect(sync.devices().map((device) => device.deviceId)).toEqual([
      'dev-1',
      'dev-2',
      'dev-3',
      'dev-7',
      'dev-8',
    ])
    expect(queries.map((query) => query.offset)).toEqual([0, 3, 6, 8])
  })

  it('forgets the skipped count once a sync reads every row', async () => {
    let fleet: unknown[] = [...makeDevices(2), { deviceName: 'no asset' }]
    const { sync } = setup(() => fleet)
    expect((await sync.refresh()).skipped?.count).toBe(1)
    fleet = makeDevices(3)
    const state = await sync.refresh()
    expect(state.skipped).toBeUndefined()
    expect(state.fetched).toBe(3)
  })

  it('aborts the running request on cancel and keeps the list', async () => {
    let hold = false
    const { sync, queries } = setup(
      () => makeDevices(2),
      (query) =>
        hold
          ? new Promise((_resolve, reject) =>
              query.signal?.addEventListener('abort', () =>
                reject(new DOMException('aborted', 'AbortError')),
              ),
            )
          : undefined,
    )
    await sync.refresh()
    hold = true
    const running = sync.refresh()
    await flushPromises()
    expect(sync.state().phase).toBe('syncing')
    sync.cancel()
    const state = await running
    expect(queries.at(-1)?.signal?.aborted).toBe(true)
    expect(state).toMatchObject({ phase: 'idle', problem: null })
    expect(sync.devices()).toHaveLength(2)
  })

  it('forgets the list on clear', async () => {
    const { sync, events } = setup(() => makeDevices(2))
    await sync.refresh()
    sync.clear()
    expect(sync.devices()).toEqual([])
    expect(sync.state()).toEqual({ phase: 'idle', fetched: 0, lastSyncedAt: null, problem: null })
    expect(events.at(-1)?.count).toBe(0)
  })
})
