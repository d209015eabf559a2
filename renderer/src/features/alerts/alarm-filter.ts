import type { Alarm, AlarmKind, AlarmState } from '../../../../shared/domain/alarms'
import type { Device } from '../../../../shared/domain/device'

/** The inbox's filters: 'open' is every state but cleared (what still needs someone). */
export interface AlarmFilters {
  state: AlarmState | 'open' | 'all'
  kind: AlarmKind | 'all'
  /** Name, serial or asset id, any part, any case. */
  vehicle: string
}

export const DEFAULT_ALARM_FILTERS: AlarmFilters = { state: 'open', kind: 'all', vehicle: '' }

/** What main filters (state and kind), as the list call takes them. */
export function listQuery(filters: AlarmFilters): { state?: AlarmState; kind?: AlarmKind } {
  return {
    ...(filters.state !== 'open' && filters.state !== 'all' && { state: filters.state }),
    ...(filters.kind !== 'all' && { kind: filters.kind }),
  }
}

/** The rest here: 'open' and the vehicle text, against the device list's names and serials. */
export function filterAlarms(
  alarms: readonly Alarm[],
  filters: AlarmFilters,
  devices: readonly Device[],
): Alarm[] {
  const text = filters.vehicle.trim().toLowerCase()
  const matching = text
    ? new Set(
        devices
          .filter((d) => `${d.deviceName} ${d.serial} ${d.assetId}`.toLowerCase().includes(text))
          .map((d) => d.assetId),
      )
    : null
  return alarms.filter(
    (alarm) =>
      (filters.state !== 'open' || alarm.state !== 'cleared') &&
      (!matching || matching.has(alarm.assetId) || alarm.assetId.toLowerCase().includes(text)),
  )
}
