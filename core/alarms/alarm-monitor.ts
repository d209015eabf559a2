import type { AlarmSettings } from '../../shared/schemas/settings'
import type { Clock } from '../ports/clock'
import type { StoreWatchView } from '../telemetry/telemetry-store'
import { AlarmDetector } from './alarm-detector'
import type { AlarmChange } from './alarm-detector'

/** How often the store is looked at: alarms within a second, at ~0.1 ms per look for 50,000 vehicles. */
export const ALARM_CHECK_MS = 1000

export interface AlarmMonitorOptions {
  clock: Clock
  view(): StoreWatchView
  settings(): AlarmSettings
  /** False while nobody is signed in or the inbox is still loading: transitions wait in the store. */
  active(): boolean
  apply(raised: AlarmChange[], ended: AlarmChange[]): void
}

/**
 * The alarm engine, in main so it runs with every window closed: each second it compares the
 * telemetry store's statuses and speeds with the last look and hands the inbox what began and ended.
 * Muted kinds and vehicles raise nothing; their conditions still end.
 */
export function startAlarmMonitor(options: AlarmMonitorOptions): () => void {
  const detector = new AlarmDetector()
  let cancel: (() => void) | null = null
  const look = (): void => {
    if (options.active()) {
      const settings = options.settings()
      const { raised, ended } = detector.detect(options.view(), settings.speedLimitKmh)
      const muted = new Set(settings.mutedAssetIds)
      const kept = raised.filter((c) => !settings.mutedKinds.includes(c.kind) && !muted.has(c.assetId))
      if (kept.length > 0 || ended.length > 0) options.apply(kept, ended)
    }
    cancel = options.clock.setTimer(look, ALARM_CHECK_MS)
  }
  cancel = options.clock.setTimer(look, ALARM_CHECK_MS)
  return () => cancel?.()
}
