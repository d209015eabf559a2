import { changeOf } from '../../../../shared/schemas/change-of'
import { alarmSettingsSchema } from '../../../../shared/schemas/settings'
import type { AppStoreApi } from '../../store'
import { setAlarmSettings } from './alerts-actions'

const OLD_KEY = 'fleet-monitor.alerts'
const oldShape = changeOf(alarmSettingsSchema).pick({
  speedLimitKmh: true,
  notify: true,
  mutedKinds: true,
  mutedAssetIds: true,
})

/**
 * Alert settings used to live in this window's localStorage; main raises the alarms now, so they
 * move to the settings file once (what still parses), and the old key goes.
 */
export function adoptOldAlertPreferences(store: AppStoreApi): () => void {
  const stored = globalThis.localStorage?.getItem(OLD_KEY)
  if (!stored) return () => undefined
  const unsubscribe = store.subscribe((state) => {
    if (!state.settings) return
    unsubscribe()
    let json: unknown = null
    try {
      json = JSON.parse(stored)
    } catch {
      // Unreadable: nothing to keep.
    }
    const parsed = oldShape.safeParse(json)
    const change = parsed.success ? parsed.data : {}
    const done = () => globalThis.localStorage?.removeItem(OLD_KEY)
    if (Object.keys(change).length === 0) return done()
    setAlarmSettings(change).then(done, (cause: unknown) =>
      console.warn('old alert settings not kept', cause),
    )
  })
  return unsubscribe
}
