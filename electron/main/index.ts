import { join } from 'node:path'
import { BrowserWindow, Menu, Notification, app, session as electronSession, shell } from 'electron'
import type { AppCommand } from '../../shared/domain/app-command'
import { contentSecurityPolicy } from '../../shared/net/content-security-policy'
import { KeytarSecretStore } from '../../core/adapters/keytar-secret-store'
import { FleetApp } from '../../core/app/fleet-app'
import { PendingWrites } from '../../core/app/pending-writes'
import type { HostOptions } from '../../core/host/cli-options'
import { installProcessGuards } from '../../core/host/process-guards'
import { systemClock } from '../../core/ports/clock'
import { commandLineOverrides } from '../../core/app/command-line-overrides'
import { startDemoServer } from '../../tools/simulator/demo-server'
import { electronPowerEvents } from './adapters/electron-power-events'
import { APP_ID } from './app-identity'
import { appMenuTemplate } from './desktop/app-menu'
import { DEBUGGING_SWITCHES, devOverrides } from './desktop/dev-overrides'
import { eventTap } from './desktop/event-tap'
import { createFleetTray } from './desktop/fleet-tray'
import type { FleetTray } from './desktop/fleet-tray'
import { bindContractCalls, webContentsSink } from './ipc/ipc-bridge'
import { createTrustedSenderCheck } from './ipc/trusted-sender'
import { readElectronOptions } from './lifecycle/electron-options'
import { createMainLog } from './lifecycle/main-log'
import { holdQuitForCleanup } from './lifecycle/quit-hold'
import { showBadOption, showBrokenInstall, showStartFailure } from './lifecycle/user-dialogs'
import { mainLanguage, sayIn } from './locales/main-strings'
import type { Say } from './locales/main-strings'
import { createAutoUpdate, loadElectronUpdater } from './updates/auto-update'
import { AppWindows } from './windows/app-windows'
import { isRendererEntry, rendererEntryUrl } from './windows/renderer-entry'
import { hardenSession } from './windows/session-hardening'
import { createVideoPortalWindow } from './windows/video-portal-window'

// Composition root of the Electron app: read the command line, build the services, show the window
// at once, then start the app behind it.
const mainLog = createMainLog()
const logger = mainLog.logger
installProcessGuards(logger)
const dev = devOverrides(app.isPackaged, process.env)
// Before 'ready', when Chromium would start its DevTools server (dev-overrides.ts).
if (!dev.devTools) DEBUGGING_SWITCHES.forEach((name) => app.commandLine.removeSwitch(name))
// Windows shows notifications only for an app with an AppUserModelID; the installer's shortcut uses it.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

/** The desk's language for the native parts; the locale is known once the app is ready. */
const nativeWords = (): Say => sayIn(mainLanguage(app.getPreferredSystemLanguages(), app.getLocale()))

const read = readElectronOptions(process.argv, process.env)
if (!read.ok) {
  logger.error('the command line has a mistake', { problem: read.error.problem, option: read.error.option })
  void app.whenReady().then(() => {
    showBadOption(nativeWords(), read.error)
    app.exit(2)
  })
} else {
  // Chromium keeps its profile and the single-instance lock in userData: FLEET_DATA_DIR moves all of
  // it, so a test instance neither quits because the desk's own app is open nor shares its settings.
  app.setPath('userData', read.options.dataDir)
  // One instance only: two processes must never renew the same token. A second launch focuses the first.
  if (!app.requestSingleInstanceLock()) app.quit()
  else runDesk(read.options)
}

function runDesk(options: HostOptions): void {
  const { dataDir } = options
  const logDir = mainLog.useDataDir(dataDir)
  const mainDir = import.meta.dirname
  const entryUrl = rendererEntryUrl(dev.rendererUrl, mainDir)
  const writes = new PendingWrites()
  let quitting = false
  let say: Say = sayIn('en')
  let tray: FleetTray | null = null
  let windows: AppWindows | null = null
  const brokenInstall = (error: unknown): void => {
    logger.error('the app cannot open its window', { error })
    showBrokenInstall(say)
    app.quit()
  }
  const fleet = new FleetApp({
    dataDir,
    host: 'electron',
    ...commandLineOverrides(options),
    secretStore: new KeytarSecretStore(),
    startDemoServer,
    powerEvents: electronPowerEvents,
    clock: systemClock,
    logger,
    openMapWindow: () => {
      windows?.show('map').catch(brokenInstall)
      return windows !== null
    },
    videoPortal: createVideoPortalWindow({ logger, title: () => say('window.videoPortalTitle') }),
    // Built beside this entry (electron.vite.config.ts); it loads better-sqlite3, rebuilt for Electron.
    historyWorker: { script: join(mainDir, 'history-worker.js') },
  })
  const updates = createAutoUpdate({
    isPackaged: app.isPackaged,
    load: loadElectronUpdater,
    notifyReady: (version) => {
      if (!Notification.isSupported()) return
      new Notification({
        title: say('update.ready.title'),
        body: say('update.ready.body', { version }),
      }).show()
    },
    logger,
  })
  const appWindows = new AppWindows(
    fleet.hub,
    { entryUrl, mainDir, devTools: dev.devTools, logger, onPreloadError: brokenInstall },
    {
      dataDir,
      writes,
      hideMainOnClose: process.platform === 'darwin',
      isQuitting: () => quitting,
      mapTitle: () => say('window.mapTitle'),
    },
  )
  windows = appWindows
  const isTrusted = createTrustedSenderCheck(() => appWindows.webContentsIds(), entryUrl)
  const showMain = (): void => void appWindows.show('main').catch(brokenInstall)
  const sendToFocused = (command: AppCommand): void => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
    if (target) webContentsSink(target.webContents).send('app:command', command)
  }
  const setMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          send: sendToFocused,
          isMac: process.platform === 'darwin',
          devTools: dev.devTools,
          say,
          openLogFolder: () => void shell.openPath(logDir),
          autoUpdate: { enabled: fleet.settings.get().updates.automatic, set: setAutoUpdate },
        }),
      ),
    )
  const setAutoUpdate = (automatic: boolean): void =>
    void fleet.settings
      .update((s) => ({ ...s, updates: { automatic } }))
      .then(() => updates.apply(automatic))
      .catch((error: unknown) => logger.warn('could not change the update setting', { error }))
      .finally(setMenu)

  app.on('second-instance', showMain)
  app.on('before-quit', () => (quitting = true))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit())
  holdQuitForCleanup(
    app,
    async () => {
      updates.stop()
      tray?.destroy()
      await fleet.stop()
      await writes.settled()
      mainLog.close()
    },
    logger,
  )

  void app.whenReady().then(async () => {
    say = nativeWords()
    hardenSession(electronSession.defaultSession, {
      isRenderer: (url) => isRendererEntry(url, entryUrl),
      // The built page gets the policy as a header; the dev server's page keeps its meta tag only.
      pagePolicy: dev.rendererUrl
        ? null
        : () => contentSecurityPolicy({ hostOrigins: [], tileUrl: fleet.settings.get().map.tileUrl }),
      logger,
    })
    bindContractCalls(fleet.handlers, isTrusted, logger)
    setMenu()
    tray = followInTray(
      createFleetTray(showMain, () => app.quit(), say),
      fleet,
    )
    app.on('activate', () => {
      if (appWindows.count === 0) showMain()
    })
    // The window first: start() may wait on a keychain prompt and a renewal (seconds), and the
    // renderer shows its own progress once its snapshot arrives (the snapshot waits for the settings).
    const startedAt = Date.now()
    const starting = fleet.start()
    showMain()
    try {
      await starting
      logger.info('Fleet Monitor started', { ms: Date.now() - startedAt })
    } catch (error) {
      logger.error('Fleet Monitor could not start', { error })
      await showStartFailure(say, { dataDir, logDir, error })
      app.quit()
      return
    }
    setMenu()
    await updates.apply(fleet.settings.get().updates.automatic)
    if (options.demo)
      await fleet.startDemo().catch((error: unknown) => logger.error('demo failed to start', { error }))
  })
}

/** The tray follows the same events the windows get; one snapshot seeds it. */
function followInTray(tray: FleetTray, fleet: FleetApp): FleetTray {
  let { session, listener } = fleet.snapshot()
  tray.update(session, listener)
  fleet.hub.add(eventTap('session:state', (next) => tray.update((session = next), listener)))
  fleet.hub.add(eventTap('listener:state', (next) => tray.update(session, (listener = next))))
  return tray
}
