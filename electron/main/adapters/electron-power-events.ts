import { powerMonitor } from 'electron'
import type { PowerEvents } from '../services/ports/power-events'

/** powerMonitor's resume (and unlock-screen, which some Linux desktops send instead). */
export const electronPowerEvents: PowerEvents = {
  onResume(fn) {
    powerMonitor.on('resume', fn)
    powerMonitor.on('unlock-screen', fn)
    return () => {
      powerMonitor.off('resume', fn)
      powerMonitor.off('unlock-screen', fn)
    }
  },
}
