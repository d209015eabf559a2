import i18next from 'i18next'
import type { TelemetryBatch } from '../../../../shared/domain/telemetry'
import type { AppStoreApi } from '../../store'
import { isSignedIn } from '../../store/selectors'
import { AlertGrouper } from './alert-grouper'
import { describeAlert } from './alert-text'
import type { AlertEntry } from '../../store/alert-types'
import { detectAlerts } from './detect-alerts'
import type { Notifier } from './notify'
import { notificationTag } from './notify'

/** Events of one kind within this window become one entry and one notification. */
export const GROUP_WINDOW_MS = 3000

export interface AlertEngine {
  /** Must run before a live batch is applied: it compares the batch with the current columns. */
  beforeLiveBatch(batch: TelemetryBatch): void
  stop(): void
}

/**
 * Turns live batches into grouped alert entries and notifications. Only live batches count: a
 * snapshot after a reconnect re-states the fleet, it does not report transitions.
 */
export function startAlertEngine(
  store: AppStoreApi,
  notifier: Notifier,
  now = () => Date.now(),
): AlertEngine {
  const grouper = new AlertGrouper(GROUP_WINDOW_MS)
  let timer: ReturnType<typeof setTimeout> | undefined

  function nameOf(assetId: string): string {
    return store.getState().devices.find((d) => d.assetId === assetId)?.deviceName || assetId
  }

  function announce(entries: AlertEntry[]): void {
    const state = store.getState()
    state.addAlerts(entries)
    if (!state.alertSettings.notify) return
    for (const entry of entries) {
      const title = i18next.t(`alerts.kind.${entry.kind}`)
      notifier.show(title, describeAlert(entry, nameOf, i18next.t), notificationTag(entry), () => {
        const first = entry.assetIds[0]
        if (first !== undefined) store.getState().selectAsset(first)
      })
    }
  }

  function flush(): void {
    timer = undefined
    announce(grouper.flush(now()))
    schedule()
  }

  function schedule(): void {
    if (timer !== undefined) return
    const at = grouper.nextFlushAt()
    if (at !== null) timer = setTimeout(flush, Math.max(0, at - now()))
  }

  return {
    beforeLiveBatch(batch) {
      const state = store.getState()
      if (!isSignedIn(state)) return
      const { speedLimitKmh, mutedKinds, mutedAssetIds } = state.alertSettings
      const events = detectAlerts(state.telemetry, batch, speedLimitKmh, now())
      let added = false
      for (const event of events) {
        if (mutedKinds.includes(event.kind) || mutedAssetIds.includes(event.assetId)) continue
        grouper.add(event)
        added = true
      }
      if (added) schedule()
    },
    stop() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}
