import type { AssetStatus } from '../../shared/domain/telemetry'

export interface StatusThresholds {
  /** A fix older than this is stale. */
  staleAfterMs: number
  /** A fix older than this is offline. */
  offlineAfterMs: number
}

/** Status from the age of the last fix; NaN fixTime means no fix yet. */
export function statusForFix(fixTime: number, now: number, thresholds: StatusThresholds): AssetStatus {
  if (Number.isNaN(fixTime)) return 'no-fix'
  // A fix from the future (a device clock running ahead) counts as fresh, not as an error.
  const age = now - fixTime
  if (age <= thresholds.staleAfterMs) return 'live'
  if (age <= thresholds.offlineAfterMs) return 'stale'
  return 'offline'
}

/**
 * A fix restored from the history at start-up is at best stale: the vehicle has not been heard
 * from in this run, however recent its last fix looks.
 */
export function statusForRestoredFix(
  fixTime: number,
  now: number,
  thresholds: StatusThresholds,
): AssetStatus {
  const status = statusForFix(fixTime, now, thresholds)
  return status === 'live' ? 'stale' : status
}
