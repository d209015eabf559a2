import { create } from 'zustand'
import type { AlarmsSlice } from './alarms-slice'
import { createAlarmsSlice } from './alarms-slice'
import type { ConnectionsSlice } from './connections-slice'
import { createConnectionsSlice } from './connections-slice'
import type { DevicesSlice } from './devices-slice'
import type { FeedSlice } from './feed-slice'
import { createFeedSlice } from './feed-slice'
import { createDevicesSlice } from './devices-slice'
import type { ListenerSlice } from './listener-slice'
import { createListenerSlice } from './listener-slice'
import type { MapViewSlice } from './map-view-slice'
import { createMapViewSlice } from './map-view-slice'
import type { ReplaySlice } from './replay-slice'
import { createReplaySlice } from './replay-slice'
import type { SelectionSlice } from './selection-slice'
import { createSelectionSlice } from './selection-slice'
import type { SessionSlice } from './session-slice'
import { createSessionSlice } from './session-slice'
import type { SettingsSlice } from './settings-slice'
import type { SetupSlice } from './setup-slice'
import { createSetupSlice } from './setup-slice'
import { createSettingsSlice } from './settings-slice'
import type { TelemetrySlice } from './telemetry-slice'
import { createTelemetrySlice } from './telemetry-slice'

export type AppStore = SessionSlice &
  DevicesSlice &
  TelemetrySlice &
  ListenerSlice &
  FeedSlice &
  SettingsSlice &
  SetupSlice &
  SelectionSlice &
  MapViewSlice &
  AlarmsSlice &
  ReplaySlice &
  ConnectionsSlice

/** Builds a fresh store; tests make their own, the app uses `useAppStore`. */
export function createAppStore() {
  return create<AppStore>()((...a) => ({
    ...createSessionSlice(...a),
    ...createDevicesSlice(...a),
    ...createTelemetrySlice(...a),
    ...createListenerSlice(...a),
    ...createFeedSlice(...a),
    ...createSettingsSlice(...a),
    ...createSetupSlice(...a),
    ...createSelectionSlice(...a),
    ...createMapViewSlice(...a),
    ...createAlarmsSlice(...a),
    ...createReplaySlice(...a),
    ...createConnectionsSlice(...a),
  }))
}

/** The one store of the app; actions are callable outside React as `useAppStore.getState().x()`. */
export const useAppStore = createAppStore()
export type AppStoreApi = typeof useAppStore
