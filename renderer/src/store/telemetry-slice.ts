import type { StateCreator } from 'zustand'
import type { TelemetryBatch } from '../../../shared/domain/telemetry'
import type { AppStore } from './index'
import type { TelemetryColumns } from './telemetry-columns'
import { applyBatch, createColumns } from './telemetry-columns'

export interface TelemetrySlice {
  /** Mutable columns; subscribe to `telemetryVersion`, not to this reference. */
  telemetry: TelemetryColumns
  /** Bumped once per applied batch: the map and the device list redraw on it. */
  telemetryVersion: number
  /** Assets with a drawable position (mirrors `telemetry.positioned` so React can select it). */
  positionedCount: number
  applyTelemetryBatch: (batch: TelemetryBatch) => void
  /** Forgets every slot (before a full snapshot). */
  resetTelemetry: () => void
}

export const createTelemetrySlice: StateCreator<AppStore, [], [], TelemetrySlice> = (set, get) => ({
  telemetry: createColumns(),
  telemetryVersion: 0,
  positionedCount: 0,
  applyTelemetryBatch: (batch) => {
    const cols = get().telemetry
    applyBatch(cols, batch)
    set((s) => ({ telemetryVersion: s.telemetryVersion + 1, positionedCount: cols.positioned }))
  },
  resetTelemetry: () =>
    set((s) => ({
      telemetry: createColumns(),
      telemetryVersion: s.telemetryVersion + 1,
      positionedCount: 0,
    })),
})
