import { Menu, Tray, nativeImage } from 'electron'
import type { ListenerState } from '../../../shared/domain/listener'
import type { SessionState } from '../../../shared/domain/session'
import type { Say } from '../locales/main-strings'
import { trayIconBitmap, trayStatus, trayTooltipKey } from './tray-status'
import type { TrayStatus } from './tray-status'

const ICON_SIZE = 16

export interface FleetTray {
  update(session: SessionState, listener: ListenerState): void
  destroy(): void
}

/** The tray icon: its colour says signed out / signed in / listening / problem; click shows the window. */
export function createFleetTray(showWindow: () => void, quit: () => void, say: Say): FleetTray {
  const icon = (status: TrayStatus) =>
    nativeImage.createFromBitmap(trayIconBitmap(status, ICON_SIZE), { width: ICON_SIZE, height: ICON_SIZE })
  const tray = new Tray(icon('signed-out'))
  tray.setToolTip(say('tray.signedOut'))
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: say('tray.show'), click: showWindow },
      { type: 'separator' },
      { label: say('tray.quit'), click: quit },
    ]),
  )
  tray.on('click', showWindow)
  let shown: TrayStatus | null = null
  let destroyed = false
  return {
    update(session, listener) {
      // The app still reports while it stops (the session ends at quit): a destroyed Tray would throw.
      if (destroyed) return
      const status = trayStatus(session, listener)
      tray.setToolTip(say(trayTooltipKey(status, listener)))
      if (status !== shown) tray.setImage(icon(status))
      shown = status
    },
    destroy() {
      destroyed = true
      tray.destroy()
    },
  }
}
