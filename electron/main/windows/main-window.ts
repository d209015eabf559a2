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
export function createMainWindow(rendererUrl: string | null, mainDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Fleet Monitor',
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
  window.once('ready-to-show', () => window.show())
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
  if (rendererUrl) void window.loadURL(rendererUrl)
  else void window.loadFile(join(mainDir, '../renderer/index.html'))
  return window
}
