import type { Device } from '../../shared/domain/device'
import { readDeviceRows } from '../../core/tagora/device-rows'
import type { DeviceListResponse, DeviceQuery, TagoraClient } from '../../core/tagora/tagora-client'

/** A device as Tagora lists it, numbered so tests can tell them apart. */
export function makeDevice(n: number, overrides: Partial<Device> = {}): Device {
  return {
    deviceId: `dev-${n}`,
    serial: `GT06-${String(n).padStart(4, '0')}`,
    deviceName: `Vehicle ${n}`,
    assetId: `asset-${n}`,
    organizationId: 'org-1',
    status: 'active',
    createdAt: '2025-01-15T10:00:00Z',
    ...overrides,
  }
}

export function makeDevices(count: number, from = 1): Device[] {
  return Array.from({ length: count }, (_unused, index) => makeDevice(from + index))
}

/** A page as the real client reads it: the rows go through the same per-row reader. */
export function devicePage(rows: readonly unknown[], requestId = 'page'): DeviceListResponse {
  const { devices, skipped } = readDeviceRows(rows)
  return { data: devices, rows, skipped, requestId, serverDate: null }
}

/**
 * Serves `fleet` page by page through listDevices (rows may be malformed on purpose: they are read by
 * the real row reader); `override` can fail or hold a given call.
 */
export function fakeDeviceClient(
  fleet: () => readonly unknown[],
  override?: (query: DeviceQuery, call: number) => Promise<DeviceListResponse> | undefined,
): { client: TagoraClient; queries: DeviceQuery[] } {
  const queries: DeviceQuery[] = []
  const client: TagoraClient = {
    baseUrl: 'https://api.test',
    listDevices: (_token, query) => {
      queries.push(query)
      const custom = override?.(query, queries.length)
      if (custom) return custom
      const rows = fleet().slice(query.offset, query.offset + query.limit)
      return Promise.resolve(devicePage(rows, `page-${queries.length}`))
    },
    login: () => Promise.reject(new Error('not used')),
    renew: () => Promise.reject(new Error('not used')),
    registerWebhook: () => Promise.reject(new Error('not used')),
    getWebhookScope: () => Promise.reject(new Error('not used')),
  }
  return { client, queries }
}
