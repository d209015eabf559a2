import type { AppErrorInfo } from './errors'

/** A Tagora device, as GET /devices returns it. `assetId` keys everything live. */
export interface Device {
  deviceId: string
  serial: string
  deviceName: string
  assetId: string
  organizationId: string
  status: string
  createdAt: string
}

export interface DeviceSyncState {
  phase: 'idle' | 'syncing' | 'error'
  /** Devices fetched so far in the running sync (progress indicator). */
  fetched: number
  lastSyncedAt: number | null
  error: string | null
  /** The same failure as facts (code, params), for the renderer to say in the user's language. */
  problem?: AppErrorInfo
  /** How the last successful sync changed the list (added and removed devices). */
  lastChange?: { added: number; removed: number }
  /** The status filter the running or last sync used ('' = every status). */
  statusFilter?: string
}
