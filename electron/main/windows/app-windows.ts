import { existsSync } from 'node:fs'
import type { BrowserWindow } from 'electron'
import type { EventHub } from '../../../core/app/event-hub'
import type { PendingWrites } from '../../../core/app/pending-writes'
import { webContentsSink } from '../ipc/ipc-bridge'
import type { WindowSetup } from './main-window'
import { createMainWindow, preloadPath } from './main-window'
import { rememberBounds, restoredBounds } from '../desktop/remembered-bounds'

type Kind = 'main' | 'map'

export interface AppWindowsOptions {
  dataDir: string
  /** Bounds writes go here, so quit can wait for them. */
  writes: PendingWrites
  /**
   * macOS: closing the main window hides it while the app stays in the tray and the Dock, so its
   * renderer (which raises the alerts) keeps running; elsewhere closing it closes it.
   */
  hideMainOnClose: boolean
  /** True once quitting: then windows really close. */
  isQuitting: () => boolean
  /** The pop-out map's title, in the desk's language. */
  mapTitle: () => string
}

/** The build is incomplete: the window would open without the bridge to the app. */
export class MissingPreloadError extends Error {
  constructor(readonly path: string) {
    super(`The preload script is missing: ${path}`)
    this.name = 'MissingPreloadError'
  }
}

/**
 * The app's windows: the main one and at most one pop-out map. Each gets every contract event from
 * the hub (they share the same live state) and remembers where it was on screen. Opening is single
 * flight per kind: two quick "show" calls get the same window, never two.
 */
export class AppWindows {
  private readonly open = new Map<Kind, BrowserWindow>()
  private readonly opening = new Map<Kind, Promise<BrowserWindow>>()

  constructor(
    private readonly hub: EventHub,
    private readonly setup: WindowSetup,
    private readonly options: AppWindowsOptions,
  ) {}

  webContentsIds(): Set<number> {
    return new Set([...this.open.values()].map((w) => w.webContents.id))
  }

  /** Windows open and shown (a hidden main window does not count). */
  get count(): number {
    return [...this.open.values()].filter((w) => w.isVisible()).length
  }

  /** Opens the window of that kind, or shows and focuses it when it is already open (or opening). */
  show(kind: Kind): Promise<BrowserWindow> {
    const existing = this.open.get(kind)
    if (existing) {
      if (existing.isMinimized()) existing.restore()
      existing.show()
      existing.focus()
      return Promise.resolve(existing)
    }
    let opening = this.opening.get(kind)
    if (!opening) {
      opening = this.create(kind).finally(() => this.opening.delete(kind))
      this.opening.set(kind, opening)
    }
    return opening
  }

  private async create(kind: Kind): Promise<BrowserWindow> {
    const preload = preloadPath(this.setup.mainDir)
    if (!existsSync(preload)) throw new MissingPreloadError(preload)
    const { dataDir, writes } = this.options
    const placement = await restoredBounds(dataDir, kind)
    const window = createMainWindow(this.setup, {
      ...(placement ?? {}),
      ...(kind === 'map' ? { query: { view: 'map' }, title: this.options.mapTitle() } : {}),
    })
    this.open.set(kind, window)
    rememberBounds(window, { dataDir, name: kind, writes }, this.setup.logger)
    if (kind === 'main' && this.options.hideMainOnClose) {
      window.on('close', (event) => {
        if (this.options.isQuitting()) return
        event.preventDefault()
        window.hide()
      })
    }
    const detach = this.hub.add(webContentsSink(window.webContents))
    window.on('closed', () => {
      detach()
      // Only this window's own entry: a later window of the same kind must stay trusted.
      if (this.open.get(kind) === window) this.open.delete(kind)
    })
    return window
  }
}
