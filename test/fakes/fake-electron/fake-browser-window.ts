import { EventEmitter } from 'node:events'
import { report } from './control'
import { FakeWebContents } from './fake-web-contents'

interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

interface WindowOptions extends Partial<Bounds> {
  title?: string
  show?: boolean
  webPreferences?: { preload?: string; sandbox?: boolean }
}

/** An event a listener may cancel, as Electron hands it to 'close' and 'will-quit'. */
export function cancellable(): { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

let nextId = 1
const windows = new Set<FakeBrowserWindow>()
/** Set by the fake app: called when the last window closes outside a quit. */
let onAllClosed: () => void = () => undefined

export function whenAllWindowsClose(fn: () => void): void {
  onAllClosed = fn
}

/**
 * A BrowserWindow without a screen: it records what main asks of it and plays Chromium's part in
 * the order Electron does (load, then ready-to-show; close, then closed).
 */
export class FakeBrowserWindow extends EventEmitter {
  readonly id = nextId++
  readonly webContents = new FakeWebContents(this.id)
  private visible = false
  private maximized = false
  private destroyed = false
  private bounds: Bounds

  constructor(options: WindowOptions = {}) {
    super()
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    }
    windows.add(this)
    report({
      kind: 'window-created',
      id: this.id,
      title: options.title ?? '',
      preload: options.webPreferences?.preload ?? '',
      sandbox: options.webPreferences?.sandbox ?? false,
      show: options.show ?? true,
    })
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return [...windows]
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return [...windows].find((w) => w.visible) ?? null
  }

  static fromId(id: number): FakeBrowserWindow | undefined {
    return [...windows].find((w) => w.id === id)
  }

  loadURL(url: string): Promise<void> {
    this.webContents.url = url
    report({ kind: 'window-loaded', id: this.id, url })
    setImmediate(() => this.emit('ready-to-show'))
    return Promise.resolve()
  }

  show(): void {
    this.visible = true
    report({ kind: 'window-shown', id: this.id })
  }

  hide(): void {
    this.visible = false
    report({ kind: 'window-hidden', id: this.id })
  }

  focus(): void {}
  restore(): void {}
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isMinimized(): boolean {
    return false
  }
  isVisible(): boolean {
    return this.visible
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getNormalBounds(): Bounds {
    return { ...this.bounds }
  }

  /** Returns false when a 'close' listener kept the window open. */
  close(options: { duringQuit?: boolean } = {}): boolean {
    if (this.destroyed) return true
    const event = cancellable()
    this.emit('close', event)
    if (event.defaultPrevented) return false
    this.destroy()
    if (windows.size === 0 && !options.duringQuit) onAllClosed()
    return true
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    windows.delete(this)
    report({ kind: 'window-closed', id: this.id })
    this.emit('closed')
  }
}
