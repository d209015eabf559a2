import type { TelemetryBatch } from '../../../../shared/domain/telemetry'
import { codeFromStatus } from '../../../../shared/domain/telemetry'
import type { TelemetryColumns } from '../../store/telemetry-columns'
import type { AlertEvent } from '../../store/alert-types'

const STALE = codeFromStatus('stale')
const OFFLINE = codeFromStatus('offline')

/**
 * Compares a batch with the columns it is about to overwrite, so it must run before the batch is
 * applied. A status that worsens to stale or offline is an alert; so is a speed that crosses the
 * limit upwards. Slots seen for the first time only alert for speeding: a vehicle we never saw
 * live cannot "go" offline.
 */
export function detectAlerts(
  cols: TelemetryColumns,
  batch: TelemetryBatch,
  speedLimitKmh: number,
  now: number,
): AlertEvent[] {
  const events: AlertEvent[] = []
  for (let i = 0; i < batch.slot.length; i++) {
    const slot = batch.slot[i]!
    const known = cols.assetIdBySlot[slot]
    const assetId = known ?? batch.newSlots.find((s) => s.slot === slot)?.assetId
    if (assetId === undefined) continue
    const next = batch.status[i]!
    if (known !== undefined) {
      const previous = cols.status[slot]!
      if (next !== previous && (next === OFFLINE || (next === STALE && previous !== OFFLINE))) {
        events.push({ kind: next === OFFLINE ? 'offline' : 'stale', assetId, at: now })
      }
    }
    const speed = batch.speed[i]!
    const before = known === undefined ? Number.NaN : cols.speed[slot]!
    if (speed > speedLimitKmh && !(before > speedLimitKmh))
      events.push({ kind: 'speeding', assetId, at: now, speed })
  }
  return events
}
