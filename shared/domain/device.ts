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
  /** Why the last sync failed, as facts; null after a good one. */
  problem: AppErrorInfo | null
  /** How the last successful sync changed the list (added and removed devices). */
  lastChange?: { added: number; removed: number }
  /** The status filter the running or last sync used ('' = every status). */
  statusFilter?: string
  /** Rows the last successful sync left out because they could not be read; absent when none were. */
  skipped?: DeviceSkipSummary
}

/** Why a row of GET /devices was left out: not an object, or no usable assetId (the key of everything live). */
export type DeviceSkipProblem = 'not-an-object' | 'missing' | 'wrong-type'

/** One row of GET /devices that was left out of the list. */
export interface DeviceSkip {
  /** Where the row was: its index in the whole list as paged (offset + index in its page), from 0. */
  position: number
  /** The field that made it unusable; absent when the row is not an object at all. */
  field?: string
  problem: DeviceSkipProblem
}

/** The rows a sync left out: how many, and the first one's reason (what support needs to look it up). */
export interface DeviceSkipSummary {
  count: number
  first: DeviceSkip
}
