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
