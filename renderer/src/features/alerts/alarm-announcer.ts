import i18next from 'i18next'
import type { AlarmsChange } from '../../../../shared/domain/alarms'
import type { AppStore, AppStoreApi } from '../../store'
import { selectLastFixAt, selectStaleAfterMs } from '../../store/selectors'
import { AlertGrouper } from './alert-grouper'
import { describeAlert } from './alert-text'
import type { AlarmSound } from './alarm-sound'
import type { Notifier } from './notify'
import { notificationTag } from './notify'

/** Alarms of one kind within this window become one notification. */
export const GROUP_WINDOW_MS = 3000
/** The chime plays at most this often, however many alarms arrive. */
export const SOUND_GAP_MS = 2000

/** Quiet takes this long at least: the listener's counters reach the window once a second. */
const QUIET_AT_LEAST_MS = 10_000

/**
 * Whether, at `at` (when a burst began), the desk had heard nothing from any vehicle for half the
 * stale threshold (QUIET_AT_LEAST_MS at least): vehicles going stale then are the feed going quiet (a
 * dead tunnel), not the fleet. One vehicle that stops while the others report leaves the feed's last
 * fix seconds old.
 */
export function feedIsQuiet(state: AppStore, at: number): boolean {
  const lastFixAt = selectLastFixAt(state)
  const staleAfterMs = selectStaleAfterMs(state)
  return lastFixAt === null || at - lastFixAt >= Math.max(staleAfterMs / 2, QUIET_AT_LEAST_MS)
}

export interface AlarmAnnouncer {
  /** A change pushed by main: alarms it raised just now are announced, nothing else. */
  announce(change: AlarmsChange): void
  stop(): void
}

/**
 * How main's alarms reach the dispatcher in this window: the chime at once for the kinds chosen in
 * settings, and grouped desktop notifications (a click selects the vehicle). The inbox and the bell
 * read the store; this only makes noise. The main window only: a pop-out map stays quiet.
 */
export function startAlarmAnnouncer(
  store: AppStoreApi,
  notifier: Notifier,
  sound: AlarmSound,
  now = () => Date.now(),
): AlarmAnnouncer {
  const grouper = new AlertGrouper(GROUP_WINDOW_MS)
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastSoundAt = -Infinity

  function nameOf(assetId: string): string {
    return store.getState().devices.find((d) => d.assetId === assetId)?.deviceName || assetId
  }

  function flush(): void {
    timer = undefined
    const settings = store.getState().settings?.alarms
    for (const entry of grouper.flush(now())) {
      if (!settings?.notify) continue
      const title = i18next.t(`alerts.kind.${entry.kind}`)
      notifier.show(
        title,
        describeAlert(entry, nameOf, i18next.t, feedIsQuiet(store.getState(), entry.at)),
        notificationTag(entry),
        () => {
          const first = entry.assetIds[0]
          if (first !== undefined) store.getState().selectAsset(first)
        },
      )
    }
    schedule()
  }

  function schedule(): void {
    if (timer !== undefined) return
    const at = grouper.nextFlushAt()
    if (at !== null) timer = setTimeout(flush, Math.max(0, at - now()))
  }

  return {
    announce(change) {
      const raised = change.alarms.filter((alarm) => change.raised.includes(alarm.id))
      if (raised.length === 0) return
      const settings = store.getState().settings?.alarms
      const loud = raised.some((alarm) => settings?.soundKinds.includes(alarm.kind))
      if (settings && loud && !settings.soundMuted && now() - lastSoundAt >= SOUND_GAP_MS) {
        lastSoundAt = now()
        sound.play(settings.soundVolume)
      }
      for (const alarm of raised) {
        grouper.add({
          kind: alarm.kind,
          assetId: alarm.assetId,
          at: now(),
          ...(alarm.speed !== null && { speed: alarm.speed }),
        })
      }
      schedule()
    },
    stop() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}
