import { BrowserWindow, Menu, app, session as electronSession } from 'electron'
import type { AppCommand } from '../../shared/domain/app-command'
import { contentSecurityPolicy } from '../../shared/net/content-security-policy'
import { KeytarSecretStore } from '../../core/adapters/keytar-secret-store'
import { electronPowerEvents } from './adapters/electron-power-events'
import { appMenuTemplate } from './desktop/app-menu'
import { AppWindows } from './windows/app-windows'
import { DEBUGGING_SWITCHES, devOverrides } from './desktop/dev-overrides'
import { eventTap } from './desktop/event-tap'
import { createFleetTray } from './desktop/fleet-tray'
import { bindContractCalls, webContentsSink } from './ipc/ipc-bridge'
import { createTrustedSenderCheck } from './ipc/trusted-sender'
import { FleetApp } from '../../core/app/fleet-app'
import { startDemoServer } from '../../tools/simulator/demo-server'
import { installProcessGuards } from '../../core/host/process-guards'
import { createLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { isRendererEntry, rendererEntryUrl } from './windows/renderer-entry'
import { hardenSession } from './windows/session-hardening'
import { parseHostOptions } from '../../core/host/cli-options'

// Composition root of the Electron app: build the services, bind the contract, open the windows.
const logger = createLogger('main')
installProcessGuards(logger)
const options = parseHostOptions(
  process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => arg !== '.'),
  process.env,
)
const dev = devOverrides(app.isPackaged, process.env)
// Before 'ready', when Chromium would start its DevTools server (dev-overrides.ts).
if (!dev.devTools) DEBUGGING_SWITCHES.forEach((name) => app.commandLine.removeSwitch(name))

// One instance only: two processes must never renew the same token. A second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const dataDir = process.env.FLEET_DATA_DIR || app.getPath('userData')
  const mainDir = import.meta.dirname
  const entryUrl = rendererEntryUrl(dev.rendererUrl, mainDir)
  let windows: AppWindows | null = null
  const fleet = new FleetApp({
    dataDir,
    host: 'electron',
    apiUrlOverride: options.apiUrl,
    listenerPortOverride:
      options.listenerPort ?? (process.argv.includes('--port') ? options.port : undefined),
    secretStore: new KeytarSecretStore(),
    startDemoServer,
    powerEvents: electronPowerEvents,
    clock: systemClock,
    logger,
    openMapWindow: () => {
      void windows?.show('map')
      return windows !== null
    },
  })
  windows = new AppWindows(fleet.hub, { entryUrl, mainDir, devTools: dev.devTools, logger }, dataDir)
  const appWindows = windows
  const isTrusted = createTrustedSenderCheck(() => appWindows.webContentsIds(), entryUrl)
  const showMain = (): void => void appWindows.show('main')
  const sendToFocused = (command: AppCommand): void => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
    if (target) webContentsSink(target.webContents).send('app:command', command)
  }

  app.on('second-instance', showMain)

  void app.whenReady().then(async () => {
    hardenSession(electronSession.defaultSession, {
      isRenderer: (url) => isRendererEntry(url, entryUrl),
      // The built page gets the policy as a header; the dev server's page keeps the meta tag only.
      pagePolicy: dev.rendererUrl
        ? null
        : () => contentSecurityPolicy({ hostOrigins: [], tileUrl: fleet.settings.get().map.tileUrl }),
      logger,
    })
    bindContractCalls(fleet.handlers, isTrusted, logger)
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate(sendToFocused, process.platform === 'darwin', dev.devTools)),
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
