import type { StateCreator } from 'zustand'
import type { AlertEntry, AlertKind } from './alert-types'
import { readJsonPreference, writePreference } from '../lib/preferences'
import type { AppStore } from './index'

/** Entries kept in the list: a shift's worth of grouped alerts, never an unbounded log. */
export const MAX_ALERT_ENTRIES = 200

export interface AlertSettings {
  speedLimitKmh: number
  /** Desktop notifications besides the list. */
  notify: boolean
  mutedKinds: AlertKind[]
  mutedAssetIds: string[]
}

const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  speedLimitKmh: 110,
  notify: true,
  mutedKinds: [],
  mutedAssetIds: [],
}

function readAlertSettings(): AlertSettings {
  const stored = readJsonPreference(
    'alerts',
    (value): value is Partial<AlertSettings> => typeof value === 'object',
  )
  const merged = { ...DEFAULT_ALERT_SETTINGS, ...stored }
  // A hand-edited or old value must not break the alert engine: fall back field by field.
  return {
    speedLimitKmh:
      Number.isFinite(merged.speedLimitKmh) && merged.speedLimitKmh > 0 ? merged.speedLimitKmh : 110,
    notify: merged.notify !== false,
    mutedKinds: Array.isArray(merged.mutedKinds) ? merged.mutedKinds : [],
    mutedAssetIds: Array.isArray(merged.mutedAssetIds) ? merged.mutedAssetIds : [],
  }
}

export interface AlertsSlice {
  alerts: AlertEntry[]
  /** Entries added since the list was last opened. */
  unreadAlerts: number
  alertSettings: AlertSettings
  addAlerts: (entries: AlertEntry[]) => void
  markAlertsRead: () => void
  clearAlerts: () => void
  updateAlertSettings: (change: Partial<AlertSettings>) => void
  toggleMuteKind: (kind: AlertKind) => void
  toggleMuteAsset: (assetId: string) => void
}

export const createAlertsSlice: StateCreator<AppStore, [], [], AlertsSlice> = (set, get) => {
  const saveSettings = (alertSettings: AlertSettings) => {
    writePreference('alerts', JSON.stringify(alertSettings))
    set({ alertSettings })
  }
  const toggled = <T>(list: T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
  return {
    alerts: [],
    unreadAlerts: 0,
    alertSettings: readAlertSettings(),
    addAlerts: (entries) => {
      if (entries.length === 0) return
      set((s) => ({
        alerts: [...entries.slice().reverse(), ...s.alerts].slice(0, MAX_ALERT_ENTRIES),
        unreadAlerts: s.unreadAlerts + entries.length,
      }))
    },
    markAlertsRead: () => set({ unreadAlerts: 0 }),
    clearAlerts: () => set({ alerts: [], unreadAlerts: 0 }),
    updateAlertSettings: (change) => saveSettings({ ...get().alertSettings, ...change }),
    toggleMuteKind: (kind) => {
      const current = get().alertSettings
      saveSettings({ ...current, mutedKinds: toggled(current.mutedKinds, kind) })
    },
    toggleMuteAsset: (assetId) => {
      const current = get().alertSettings
      saveSettings({ ...current, mutedAssetIds: toggled(current.mutedAssetIds, assetId) })
    },
  }
}
