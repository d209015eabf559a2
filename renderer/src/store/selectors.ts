import type { AssetStatus } from '../../../shared/domain/telemetry'
import { statusFromCode } from '../../../shared/domain/telemetry'
import type { AppStore } from './index'

// Narrow selectors: each component re-renders only when the value it shows changes.
export const selectPhase = (s: AppStore) => s.session?.phase ?? 'signed-out'
export const selectSession = (s: AppStore) => s.session
export const selectListener = (s: AppStore) => s.listener
export const selectDevices = (s: AppStore) => s.devices
export const selectDeviceSync = (s: AppStore) => s.deviceSync
export const selectDeviceSearch = (s: AppStore) => s.deviceSearch
export const selectSelectedAssetId = (s: AppStore) => s.selectedAssetId
export const selectTelemetryVersion = (s: AppStore) => s.telemetryVersion
export const selectPositionedCount = (s: AppStore) => s.positionedCount
export const selectMapSettings = (s: AppStore) => s.settings?.map ?? null

/** Status of one asset from the telemetry columns; 'no-fix' when nothing was ever received. */
export function assetStatus(s: AppStore, assetId: string): AssetStatus {
  const slot = s.telemetry.slotByAssetId.get(assetId)
  if (slot === undefined) return 'no-fix'
  return statusFromCode(s.telemetry.status[slot] ?? 255)
}

/** Speed in km/h, or null when unknown. */
export function assetSpeed(s: AppStore, assetId: string): number | null {
  const slot = s.telemetry.slotByAssetId.get(assetId)
  if (slot === undefined) return null
  const speed = s.telemetry.speed[slot]
  return speed === undefined || Number.isNaN(speed) ? null : speed
}
