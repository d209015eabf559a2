import type { Alarm, AlarmKind, AlarmState } from '../../../../shared/domain/alarms'
import type { AlarmSettings } from '../../../../shared/schemas/settings'
import * as api from '../../lib/api'
import { useAppStore } from '../../store'

/** Stale and offline thresholds and trail bounds, applied by main to every vehicle at once. */
export async function setTelemetryThresholds(change: {
  staleAfterSeconds?: number
  offlineAfterSeconds?: number
  trailMinutes?: number
  trailPoints?: number
}): Promise<void> {
  useAppStore.getState().setSettings(await api.setTelemetrySettings(change))
}

/** What raises alarms and how they sound: kept in main's settings, so it holds with every window closed. */
export async function setAlarmSettings(change: Partial<AlarmSettings>): Promise<void> {
  useAppStore.getState().setSettings(await api.setAlarmSettings(change))
}

/** Adds `item` to a muted list, or takes it out. */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
}

export function listAlarms(filter: {
  state?: AlarmState
  kind?: AlarmKind
  assetId?: string
  limit?: number
}): Promise<Alarm[]> {
  return api.listAlarms(filter)
}

/** One alarm (id), every new one of a kind, or every new one, as the signed-in user; the note is optional. */
export function acknowledgeAlarms(target: { id?: number; kind?: AlarmKind }, note: string): Promise<unknown> {
  const trimmed = note.trim()
  return api.acknowledgeAlarms({ ...target, ...(trimmed && { note: trimmed }) })
}
