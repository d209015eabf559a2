import * as api from '../../lib/api'
import { useAppStore } from '../../store'

/** Syncs the device list now (Fleet setup's button, the sync status, a reconnect). */
export async function refreshDevices(): Promise<void> {
  useAppStore.getState().setDeviceSync(await api.refreshDevices())
}
