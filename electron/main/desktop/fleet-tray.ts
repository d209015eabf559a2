import { Menu, Tray, nativeImage } from 'electron'
import type { ListenerState } from '../../../shared/domain/listener'
import type { SessionState } from '../../../shared/domain/session'
import { trayIconBitmap, trayStatus, trayTooltip } from './tray-status'
import type { TrayStatus } from './tray-status'

const ICON_SIZE = 16

/** The tray icon: its colour says signed out / signed in / listening / problem; click shows the window. */
export function createFleetTray(
  showWindow: () => void,
  quit: () => void,
): {
  update(session: SessionState, listener: ListenerState): void
  destroy(): void
} {
  const icon = (status: TrayStatus) =>
    nativeImage.createFromBitmap(trayIconBitmap(status, ICON_SIZE), { width: ICON_SIZE, height: ICON_SIZE })
  const tray = new Tray(icon('signed-out'))
  tray.setToolTip('Fleet Monitor')
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Fleet Monitor', click: showWindow },
      { type: 'separator' },
      { label: 'Quit', click: quit },
    ]),
  )
  tray.on('click', showWindow)
  let shown: TrayStatus | null = null
  return {
    update(session, listener) {
      const status = trayStatus(session, listener)
      tray.setToolTip(trayTooltip(status, session, listener))
      if (status !== shown) tray.setImage(icon(status))
      shown = status
    },
    destroy: () => tray.destroy(),
  }
}
