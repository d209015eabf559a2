import type { AssetStatus } from '../../../shared/domain/telemetry'
import { statusFromCode } from '../../../shared/domain/telemetry'
import type { AppStore } from './index'
import type { TelemetryColumns } from './telemetry-columns'

// Narrow selectors: each component re-renders only when the value it shows changes.
export const selectPhase = (s: AppStore) => s.session?.phase ?? 'signed-out'
/** A session the desk works in: signed in, or renewing its token meanwhile (still signed in). */
export const isSignedIn = (s: AppStore): boolean => {
  const phase = selectPhase(s)
  return phase === 'signed-in' || phase === 'renewing'
}
export const selectSession = (s: AppStore) => s.session
export const selectListener = (s: AppStore) => s.listener
/** When the last position reached this desk, by whichever feed it follows (its listener or a relay). */
export const selectLastFixAt = (s: AppStore) =>
  s.feed?.kind === 'relay' ? s.feed.lastFixAt : (s.listener?.lastEventAt ?? null)
/** The stale threshold in ms (the settings' default until they arrive). */
export const selectStaleAfterMs = (s: AppStore) => (s.settings?.telemetry.staleAfterSeconds ?? 120) * 1000
export const selectDevices = (s: AppStore) => s.devices
export const selectDeviceSync = (s: AppStore) => s.deviceSync
export const selectDeviceSearch = (s: AppStore) => s.deviceSearch
export const selectSelectedAssetId = (s: AppStore) => s.selectedAssetId
export const selectTelemetryVersion = (s: AppStore) => s.telemetryVersion
export const selectPositionedCount = (s: AppStore) => s.positionedCount
export const selectMapSettings = (s: AppStore) => s.settings?.map ?? null

/** Status of one asset from the telemetry columns; 'no-fix' when nothing was ever received. */
export function assetStatus(cols: TelemetryColumns, assetId: string): AssetStatus {
  const slot = cols.slotByAssetId.get(assetId)
  if (slot === undefined) return 'no-fix'
  return statusFromCode(cols.status[slot] ?? 255)
}

/** Speed in km/h, or null when unknown. */
export function assetSpeed(cols: TelemetryColumns, assetId: string): number | null {
  const slot = cols.slotByAssetId.get(assetId)
  if (slot === undefined) return null
  const speed = cols.speed[slot]
  return speed === undefined || Number.isNaN(speed) ? null : speed
}

/** Epoch ms of the asset's latest fix, or null. */
export function assetFixTime(cols: TelemetryColumns, assetId: string): number | null {
  const slot = cols.slotByAssetId.get(assetId)
  const fixTime = slot === undefined ? undefined : cols.fixTime[slot]
  return fixTime === undefined || Number.isNaN(fixTime) ? null : fixTime
}
