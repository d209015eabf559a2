import type { StateCreator } from 'zustand'
import type { AlarmCounts, AlarmsChange } from '../../../shared/domain/alarms'
import type { AppStore } from './index'

export interface AlarmsSlice {
  /** The inbox's totals by state: the bell shows the new ones. */
  alarmCounts: AlarmCounts
  /** Bumped on every change: an open inbox reads its list again. */
  alarmsRevision: number
  setAlarmCounts: (counts: AlarmCounts) => void
  applyAlarmsChange: (change: AlarmsChange) => void
}

export const createAlarmsSlice: StateCreator<AppStore, [], [], AlarmsSlice> = (set) => ({
  alarmCounts: { new: 0, acknowledged: 0, cleared: 0 },
  alarmsRevision: 0,
  setAlarmCounts: (alarmCounts) => set((s) => ({ alarmCounts, alarmsRevision: s.alarmsRevision + 1 })),
  applyAlarmsChange: (change) =>
    set((s) => ({ alarmCounts: change.counts, alarmsRevision: s.alarmsRevision + 1 })),
})
