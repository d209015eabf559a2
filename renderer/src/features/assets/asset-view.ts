import type { AssetDetail, AssetStatus } from '../../../../shared/domain/telemetry'
import { statusFromCode } from '../../../../shared/domain/telemetry'
import type { TelemetryColumns } from '../../store/telemetry-columns'

/** What the detail panel shows about one asset. */
export interface AssetView {
  lat: number | null
  lng: number | null
  speed: number | null
  heading: number | null
  fixTime: number | null
  status: AssetStatus
}

const finite = (n: number | undefined): number | null => (n === undefined || !Number.isFinite(n) ? null : n)

/**
 * Prefers the live columns (updated every batch) over the fetched detail (refreshed every few
 * seconds), so the panel never lags behind the arrow on the map.
 */
export function assetView(cols: TelemetryColumns, assetId: string, detail: AssetDetail | null): AssetView {
  const slot = cols.slotByAssetId.get(assetId)
  if (slot !== undefined && Number.isFinite(cols.fixTime[slot])) {
    return {
      lat: finite(cols.lat[slot]),
      lng: finite(cols.lng[slot]),
      speed: finite(cols.speed[slot]),
      heading: finite(cols.heading[slot]),
      fixTime: finite(cols.fixTime[slot]),
      status: statusFromCode(cols.status[slot] ?? 255),
    }
  }
  if (detail && detail.assetId === assetId) {
    return {
      lat: detail.lat,
      lng: detail.lng,
      speed: detail.speed,
      heading: detail.heading,
      fixTime: detail.fixTime,
      status: detail.status,
    }
  }
  return { lat: null, lng: null, speed: null, heading: null, fixTime: null, status: 'no-fix' }
}
