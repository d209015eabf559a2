import type { StateCreator } from 'zustand'
import type { Device, DeviceSyncState } from '../../../shared/domain/device'
import type { AppStore } from './index'

export interface DevicesSlice {
  devices: Device[]
  deviceSync: DeviceSyncState
  deviceSearch: string
  setDevices: (devices: Device[]) => void
  setDeviceSync: (sync: DeviceSyncState) => void
  setDeviceSearch: (text: string) => void
}

const idleSync: DeviceSyncState = { phase: 'idle', fetched: 0, lastSyncedAt: null, error: null }

export const createDevicesSlice: StateCreator<AppStore, [], [], DevicesSlice> = (set) => ({
  devices: [],
  deviceSync: idleSync,
  deviceSearch: '',
  setDevices: (devices) => set({ devices }),
  setDeviceSync: (deviceSync) => set({ deviceSync }),
  setDeviceSearch: (deviceSearch) => set({ deviceSearch }),
})
