import type { StateCreator } from 'zustand'
import type { Device, DeviceSyncState } from '../../../shared/domain/device'
import type { AppStore } from './index'

/** The list's status chips: the four age statuses, plus devices no webhook carries. */
export const DEVICE_FILTERS = ['all', 'live', 'stale', 'offline', 'no-fix', 'out-of-scope'] as const
export type DeviceFilter = (typeof DEVICE_FILTERS)[number]

export const DEVICE_SORTS = ['name', 'last-seen', 'speed'] as const
export type DeviceSort = (typeof DEVICE_SORTS)[number]

export interface DevicesSlice {
  devices: Device[]
  deviceSync: DeviceSyncState
  deviceSearch: string
  deviceFilter: DeviceFilter
  deviceSort: DeviceSort
  /** Assets no active webhook carries (from the webhook scopes); null while no scope is known. */
  outOfScopeAssetIds: ReadonlySet<string> | null
  setDevices: (devices: Device[]) => void
  setDeviceSync: (sync: DeviceSyncState) => void
  setDeviceSearch: (text: string) => void
  setDeviceFilter: (filter: DeviceFilter) => void
  setDeviceSort: (sort: DeviceSort) => void
  setOutOfScopeAssetIds: (ids: ReadonlySet<string> | null) => void
}

const idleSync: DeviceSyncState = { phase: 'idle', fetched: 0, lastSyncedAt: null, problem: null }

export const createDevicesSlice: StateCreator<AppStore, [], [], DevicesSlice> = (set) => ({
  devices: [],
  deviceSync: idleSync,
  deviceSearch: '',
  deviceFilter: 'all',
  deviceSort: 'name',
  outOfScopeAssetIds: null,
  setDevices: (devices) => set({ devices }),
  setDeviceSync: (deviceSync) => set({ deviceSync }),
  setDeviceSearch: (deviceSearch) => set({ deviceSearch }),
  setDeviceFilter: (deviceFilter) => set({ deviceFilter }),
  setDeviceSort: (deviceSort) => set({ deviceSort }),
  setOutOfScopeAssetIds: (outOfScopeAssetIds) => set({ outOfScopeAssetIds }),
})
