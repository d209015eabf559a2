import type { StateCreator } from 'zustand'
import type { Device, DeviceSyncState } from '../../../shared/domain/device'
import type { DeviceFilter, DeviceSort } from '../features/devices/device-view'
import type { AppStore } from './index'

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
