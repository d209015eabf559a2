import { app, powerMonitor } from 'electron'
import type { PowerEvents } from '../../../core/ports/power-events'

/**
 * powerMonitor's resume (and unlock-screen, which some Linux desktops send instead). powerMonitor
 * cannot be used before the app is ready, and the session subscribes while the app is being built,
 * so the subscription waits for readiness.
 */
export const electronPowerEvents: PowerEvents = {
  onResume(fn) {
    let cancelled = false
    let subscribed = false
    void app.whenReady().then(() => {
      if (cancelled) return
      powerMonitor.on('resume', fn)
      powerMonitor.on('unlock-screen', fn)
      subscribed = true
    })
    return () => {
      cancelled = true
      if (!subscribed) return
      powerMonitor.off('resume', fn)
      powerMonitor.off('unlock-screen', fn)
    }
  },
}
