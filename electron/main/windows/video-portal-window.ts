import { BrowserWindow, session } from 'electron'
import type { Logger } from '../../../core/logging/logger'
import type { VideoPortalOpener } from '../../../core/ports/video-portal'
import { openExternalSafely } from './main-window'
import { hardenSession } from './session-hardening'
import { notRenderer, portalNavigation, portalRefusal, VIDEO_PORTAL_PARTITION } from './video-portal-policy'

/**
 * 8x8's Agent Portal in its own window (thin glue; the decisions are video-portal-policy.ts). One window:
 * a second "Video call" loads the new URL into it. The URL holds the agent's token, so it is loaded and
 * never logged (only its origin is).
 */
export function createVideoPortalWindow(options: { logger: Logger; title: () => string }): VideoPortalOpener {
  const { logger } = options
  let window: BrowserWindow | null = null
  let hardened = false

  function portalWindow(origin: string): BrowserWindow {
    const partition = session.fromPartition(VIDEO_PORTAL_PARTITION)
    if (!hardened) {
      // The same allow-list as the app's own session; the portal's documents keep their own headers.
      hardenSession(partition, { isRenderer: notRenderer, pagePolicy: null, logger })
      hardened = true
    }
    const created = new BrowserWindow({
      width: 1100,
      height: 800,
      title: options.title(),
      webPreferences: { session: partition, sandbox: true, contextIsolation: true, nodeIntegration: false },
    })
    created.webContents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url, logger)
      return { action: 'deny' }
    })
    const keepInPortal = (event: Electron.Event, url: string): void => {
      if (portalNavigation(url, origin) === 'stay') return
      event.preventDefault()
      openExternalSafely(url, logger)
    }
    created.webContents.on('will-navigate', keepInPortal)
    created.webContents.on('will-redirect', keepInPortal)
    created.webContents.on('will-attach-webview', (event) => event.preventDefault())
    created.on('closed', () => {
      if (window === created) window = null
    })
    return created
  }

  return {
    embedded: true,
    refusal: (origin) => portalRefusal(origin),
    open(portalUrl) {
      const origin = new URL(portalUrl).origin
      if (window && !window.isDestroyed()) window.close()
      window = portalWindow(origin)
      window
        .loadURL(portalUrl)
        .catch((error: unknown) =>
          logger.warn('the Agent Portal did not load', { origin, code: (error as { code?: unknown }).code }),
        )
      window.show()
      window.focus()
      return Promise.resolve({ opened: 'window' })
    },
  }
}
