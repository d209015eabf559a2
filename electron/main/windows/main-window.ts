import { join } from 'node:path'
import { BrowserWindow, shell } from 'electron'
import type { Logger } from '../../../core/logging/logger'
import { externalLinkTarget } from './external-links'
import { rendererPageUrl } from './renderer-entry'

/** Opens a link in the system browser when external-links.ts allows it; anything else is dropped. */
export function openExternalSafely(url: string, logger: Logger): void {
  const target = externalLinkTarget(url)
  if (!target) {
    logger.warn('refused to open a link outside the allow-list', { url: url.replace(/[?#].*$/s, '') })
    return
  }
  shell.openExternal(target).catch((error: unknown) => logger.warn('could not open a link', { error }))
}

export interface WindowPlacement {
  bounds?: Electron.Rectangle
  maximized?: boolean
  /** `{ view: 'map' }` opens the map-only pop-out. */
  query?: Record<string, string>
  title?: string
}

export interface WindowSetup {
  /** The renderer's exact index.html URL (renderer-entry.ts). */
  entryUrl: string
  mainDir: string
  /** False in the packaged app: DevTools cannot be opened at all, not only left out of the menu. */
  devTools: boolean
  logger: Logger
  /** The preload failed to run: without it the page cannot reach the app, so the user must hear why. */
  onPreloadError: (error: Error) => void
}

/** The sandboxed preload electron-vite builds beside main (CommonJS: electron.vite.config.ts). */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs')
}

/**
 * The hardened main window: isolated, sandboxed, no Node. It may not navigate away from the app or
 * open windows; links go to the system browser through the one link rule.
 */
export function createMainWindow(setup: WindowSetup, placement: WindowPlacement = {}): BrowserWindow {
  const { logger } = setup
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    ...placement.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: placement.title ?? 'Fleet Monitor',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: preloadPath(setup.mainDir),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: setup.devTools,
      // Alarms sound and notify with the window minimized or behind others: no throttled timers, and
      // the chime needs no click first (issue 15).
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  })
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, logger)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== window.webContents.getURL()) {
      event.preventDefault()
      openExternalSafely(url, logger)
    }
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  window.webContents.on('preload-error', (_event, path, error) => {
    logger.error('the preload script failed', { path, error })
    setup.onPreloadError(error)
  })
  // loadURL with the very string the sender check compares against, for the file build too.
  window
    .loadURL(rendererPageUrl(setup.entryUrl, placement.query))
    .catch((error: unknown) => logger.error('the window could not load the renderer', { error }))
  return window
}
