import type { BrowserWindow } from 'electron'
import type { EventHub } from '../../../core/app/event-hub'
import { webContentsSink } from '../ipc/ipc-bridge'
import type { WindowSetup } from './main-window'
import { createMainWindow } from './main-window'
import { rememberBounds, restoredBounds } from '../desktop/remembered-bounds'

type Kind = 'main' | 'map'

/**
 * The app's windows: the main one and at most one pop-out map. Each gets every contract event from
 * the hub (they share the same live state) and remembers where it was on screen.
 */
export class AppWindows {
  private readonly open = new Map<Kind, BrowserWindow>()

  constructor(
    private readonly hub: EventHub,
    private readonly setup: WindowSetup,
    private readonly dataDir: string,
  ) {}

  webContentsIds(): Set<number> {
    return new Set([...this.open.values()].map((w) => w.webContents.id))
  }

  get count(): number {
    return this.open.size
  }

  /** Opens the window of that kind, or shows and focuses it when it is already open. */
  async show(kind: Kind): Promise<BrowserWindow> {
    const existing = this.open.get(kind)
    if (existing) {
      if (existing.isMinimized()) existing.restore()
      existing.show()
      existing.focus()
      return existing
    }
    const placement = await restoredBounds(this.dataDir, kind)
    const window = createMainWindow(this.setup, {
      ...(placement ?? {}),
      ...(kind === 'map' ? { query: { view: 'map' }, title: 'Fleet Monitor: map' } : {}),
    })
    this.open.set(kind, window)
    rememberBounds(window, this.dataDir, kind, this.setup.logger)
    const detach = this.hub.add(webContentsSink(window.webContents))
    window.on('closed', () => {
      detach()
      this.open.delete(kind)
    })
    return window
  }
}
