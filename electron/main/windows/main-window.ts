import { join } from 'node:path'
import { BrowserWindow, shell } from 'electron'

/** Opens http(s) links in the system browser; anything else is dropped. */
export function openExternalSafely(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
}

/**
 * The hardened main window: isolated, sandboxed, no Node. It may not navigate away from the app or
 * open windows; links go to the system browser.
 */
export interface WindowPlacement {
  bounds?: Electron.Rectangle
  maximized?: boolean
  /** `{ view: 'map' }` opens the map-only pop-out. */
  query?: Record<string, string>
  title?: string
}

export function createMainWindow(
  rendererUrl: string | null,
  mainDir: string,
  placement: WindowPlacement = {},
): BrowserWindow {
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
      preload: join(mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== window.webContents.getURL()) {
      event.preventDefault()
      openExternalSafely(url)
    }
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  const query = placement.query ?? {}
  if (rendererUrl) {
    const url = new URL(rendererUrl)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    void window.loadURL(url.toString())
  } else void window.loadFile(join(mainDir, '../renderer/index.html'), { query })
  return window
}
