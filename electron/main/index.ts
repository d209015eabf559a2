import { BrowserWindow, Menu, app, shell } from 'electron'
import { join } from 'node:path'
import type { AppCommand } from '../../shared/domain/app-command'
import { KeytarSecretStore } from './adapters/keytar-secret-store'
import { electronPowerEvents } from './adapters/electron-power-events'
import { appMenuTemplate } from './desktop/app-menu'
import { AppWindows } from './desktop/app-windows'
import { eventTap } from './desktop/event-tap'
import { createFleetTray } from './desktop/fleet-tray'
import { bindContractCalls, webContentsSink } from './ipc/ipc-bridge'
import { createTrustedSenderCheck } from './ipc/trusted-sender'
import { FleetApp } from './services/app/fleet-app'
import { createLogger } from './services/logging/logger'
import { systemClock } from './services/ports/clock'
import { parseHostOptions } from '../web-host/cli-options'

// Composition root of the Electron app: build the services, bind the contract, open the windows.
const logger = createLogger('main')
const options = parseHostOptions(
  process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => arg !== '.'),
  process.env,
)

// One instance only: two processes must never renew the same token. A second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const dataDir = process.env.FLEET_DATA_DIR || app.getPath('userData')
  const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? null
  let windows: AppWindows | null = null
  const fleet = new FleetApp({
    dataDir,
    host: 'electron',
    apiUrlOverride: options.apiUrl,
    listenerPortOverride:
      options.listenerPort ?? (process.argv.includes('--port') ? options.port : undefined),
    secretStore: new KeytarSecretStore(),
    powerEvents: electronPowerEvents,
    clock: systemClock,
    logger,
    openExternal: (url) => shell.openExternal(url),
    openMapWindow: () => {
      void windows?.show('map')
      return windows !== null
    },
  })
  windows = new AppWindows(fleet.hub, rendererUrl, join(import.meta.dirname), dataDir, logger)
  const appWindows = windows
  const isTrusted = createTrustedSenderCheck(
    () => appWindows.webContentsIds(),
    rendererUrl ? new URL(rendererUrl).origin : null,
  )
  const showMain = (): void => void appWindows.show('main')
  const sendToFocused = (command: AppCommand): void => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
    if (target) webContentsSink(target.webContents).send('app:command', command)
  }

  app.on('second-instance', showMain)

  void app.whenReady().then(async () => {
    bindContractCalls(fleet.handlers, isTrusted, logger)
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate(sendToFocused, process.platform === 'darwin')),
    )
    await fleet.start()
    const tray = createFleetTray(showMain, () => app.quit())
    // The tray follows the same events the windows get; one snapshot seeds it.
    let { session, listener } = fleet.snapshot()
    tray.update(session, listener)
    fleet.hub.add(eventTap('session:state', (next) => tray.update((session = next), listener)))
    fleet.hub.add(eventTap('listener:state', (next) => tray.update(session, (listener = next))))
    await appWindows.show('main')
    if (options.demo)
      await fleet.startDemo().catch((error: unknown) => logger.error('demo failed to start', { error }))
    app.on('activate', () => {
      if (appWindows.count === 0) showMain()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => void fleet.stop())
}
