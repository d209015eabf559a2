import { EventEmitter } from 'node:events'
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { report } from './control'
import { FakeBrowserWindow, cancellable, whenAllWindowsClose } from './fake-browser-window'
import { FAKE_ENV } from './protocol'

/** Whether a process with this id still runs (a stale lock file of a crashed run must not block). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Electron's `app` for one child process: paths, the single-instance lock (a real lock file in
 * userData, as Chromium keeps it there), readiness, and the quit sequence Electron runs:
 * before-quit → every window's close → will-quit → exit, each cancellable, and no
 * window-all-closed while quitting.
 */
export class FakeApp extends EventEmitter {
  readonly isPackaged = process.env[FAKE_ENV.packaged] === '1'
  readonly name = 'fleet-monitor'
  readonly commandLine = {
    removeSwitch: (name: string) => report({ kind: 'remove-switch', name }),
    appendSwitch: () => undefined,
    hasSwitch: () => false,
  }
  private readonly paths = new Map<string, string>()
  private ready = false
  private readonly readyPromise: Promise<void>
  private quitting = false
  private lockPath: string | null = null

  constructor() {
    super()
    this.paths.set('appData', process.env[FAKE_ENV.appData] ?? join(tmpdir(), 'fake-electron-appdata'))
    // Electron is ready once the main module's first turn has run, as here.
    this.readyPromise = new Promise((resolve) =>
      setImmediate(() => {
        this.ready = true
        this.emit('ready')
        resolve()
      }),
    )
    whenAllWindowsClose(() => {
      if (this.listenerCount('window-all-closed') === 0) this.quit()
      else this.emit('window-all-closed')
    })
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }

  isReady(): boolean {
    return this.ready
  }

  getPath(name: string): string {
    if (name === 'userData') return this.paths.get('userData') ?? join(this.getPath('appData'), this.name)
    const path = this.paths.get(name)
    if (!path) throw new Error(`fake electron has no path "${name}"`)
    return path
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value)
    report({ kind: 'set-path', name, value })
  }

  getLocale(): string {
    return process.env[FAKE_ENV.locale] ?? 'en-US'
  }

  getPreferredSystemLanguages(): string[] {
    return [this.getLocale()]
  }

  getVersion(): string {
    return '0.0.0-fake'
  }

  setAppUserModelId(id: string): void {
    report({ kind: 'app-user-model-id', id })
  }

  focus(): void {}

  requestSingleInstanceLock(): boolean {
    const userData = this.getPath('userData')
    const path = join(userData, 'SingletonLock')
    let granted = true
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      this.lockPath = path
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') {
        const holder = Number(readFileSync(path, 'utf8'))
        granted = !alive(holder)
        if (granted) {
          rmSync(path, { force: true })
          return this.requestSingleInstanceLock()
        }
      }
      // Any other failure (no such folder): Chromium would not block the launch over it either.
    }
    report({ kind: 'lock', userData, granted })
    return granted
  }

  quit(): void {
    if (this.quitting) return
    const before = cancellable()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    this.quitting = true
    for (const window of FakeBrowserWindow.getAllWindows()) {
      if (!window.close({ duringQuit: true })) {
        this.quitting = false
        return
      }
    }
    const willQuit = cancellable()
    this.emit('will-quit', willQuit)
    this.quitting = false
    if (willQuit.defaultPrevented) return
    this.emit('quit')
    this.exit(0)
  }

  exit(code = 0): void {
    if (this.lockPath) rmSync(this.lockPath, { force: true })
    report({ kind: 'exit', code })
    process.exit(code)
  }
}
