import type { BrowserWindow } from 'electron'
import { app, shell } from 'electron'
import { join } from 'node:path'
import { KeytarSecretStore } from './adapters/keytar-secret-store'
import { electronPowerEvents } from './adapters/electron-power-events'
import { bindContractCalls, webContentsSink } from './ipc/ipc-bridge'
import { createTrustedSenderCheck } from './ipc/trusted-sender'
import { FleetApp } from './services/app/fleet-app'
import { createLogger } from './services/logging/logger'
import { systemClock } from './services/ports/clock'
import { parseHostOptions } from '../web-host/cli-options'
import { createMainWindow } from './windows/main-window'

// Composition root of the Electron app: build the services, bind the contract, open the window.
const logger = createLogger('main')
const options = parseHostOptions(
  process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => arg !== '.'),
  process.env,
)

// One instance only: two processes must never renew the same token. A second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const windows = new Set<BrowserWindow>()
  const fleet = new FleetApp({
    dataDir: process.env.FLEET_DATA_DIR || app.getPath('userData'),
    host: 'electron',
    apiUrlOverride: options.apiUrl,
    listenerPortOverride:
      options.listenerPort ?? (process.argv.includes('--port') ? options.port : undefined),
    secretStore: new KeytarSecretStore(),
    powerEvents: electronPowerEvents,
    clock: systemClock,
    logger,
    openExternal: (url) => shell.openExternal(url),
  })
  const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? null
  const isTrusted = createTrustedSenderCheck(
    () => new Set([...windows].map((window) => window.webContents.id)),
    rendererUrl ? new URL(rendererUrl).origin : null,
  )

  const openWindow = (): void => {
    const window = createMainWindow(rendererUrl, join(import.meta.dirname))
    windows.add(window)
    const detach = fleet.hub.add(webContentsSink(window.webContents))
    window.on('closed', () => {
      detach()
      windows.delete(window)
    })
  }

  app.on('second-instance', () => {
    const [first] = windows
    if (first) {
      if (first.isMinimized()) first.restore()
      first.focus()
    }
  })

  void app.whenReady().then(async () => {
    bindContractCalls(fleet.handlers, isTrusted, logger)
    await fleet.start()
    openWindow()
    if (options.demo)
      await fleet.startDemo().catch((error: unknown) => logger.error('demo failed to start', { error }))
    app.on('activate', () => {
      if (windows.size === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => void fleet.stop())
}
