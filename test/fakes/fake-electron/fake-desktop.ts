import { EventEmitter } from 'node:events'
import { onCommand, report } from './control'

interface MenuTemplateItem {
  label?: string
  type?: string
  submenu?: MenuTemplateItem[]
}

/** Every label of a menu template, depth first: what the person at the desk reads. */
function labelsOf(template: readonly MenuTemplateItem[]): string[] {
  return template.flatMap((item) => [
    ...(item.type === 'separator' ? [] : [item.label ?? `(no label: ${JSON.stringify(item)})`]),
    ...(item.submenu ? labelsOf(item.submenu) : []),
  ])
}

export class FakeMenu {
  constructor(readonly template: readonly MenuTemplateItem[]) {}
  static buildFromTemplate(template: MenuTemplateItem[]): FakeMenu {
    return new FakeMenu(template)
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    report({ kind: 'menu', labels: menu ? labelsOf(menu.template) : [] })
  }
}

/** Electron throws when a destroyed native object is used; so does the fake, so such a call is seen. */
function assertAlive(destroyed: boolean): void {
  if (destroyed) throw new TypeError('Object has been destroyed')
}

export class FakeTray extends EventEmitter {
  private tooltip = ''
  private menu: string[] = []
  private destroyed = false
  setToolTip(tooltip: string): void {
    assertAlive(this.destroyed)
    this.tooltip = tooltip
    report({ kind: 'tray', tooltip, menu: this.menu })
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = labelsOf(menu.template)
    report({ kind: 'tray', tooltip: this.tooltip, menu: this.menu })
  }
  setImage(): void {
    assertAlive(this.destroyed)
  }
  destroy(): void {
    this.destroyed = true
    report({ kind: 'tray-destroyed' })
  }
}

export const nativeImage = { createFromBitmap: () => ({}) }

const workArea = { x: 0, y: 0, width: 1920, height: 1080 }
export const screen = {
  getPrimaryDisplay: () => ({ workArea }),
  getAllDisplays: () => [{ workArea }],
}

export const powerMonitor = new EventEmitter()

export const shell = {
  openExternal: () => Promise.resolve(),
  openPath: (path: string) => {
    report({ kind: 'open-path', path })
    return Promise.resolve('')
  },
}

interface MessageBoxOptions {
  title?: string
  message: string
  detail?: string
}

/** Dialogs are recorded and answered with their first button (Quit, in this app's dialogs). */
export const dialog = {
  showMessageBox: (...args: [unknown, MessageBoxOptions] | [MessageBoxOptions]) => {
    const options = args.length === 2 ? args[1] : args[0]
    const { title = '', message, detail = '' } = options
    report({ kind: 'dialog', type: 'message-box', title, message, detail })
    return Promise.resolve({ response: 0, checkboxChecked: false })
  },
  showErrorBox: (title: string, content: string) =>
    report({ kind: 'dialog', type: 'error-box', title, message: content, detail: '' }),
}

export class FakeNotification {
  static isSupported(): boolean {
    return true
  }
  constructor(readonly options: { title: string; body: string }) {}
  show(): void {
    report({
      kind: 'dialog',
      type: 'message-box',
      title: this.options.title,
      message: this.options.body,
      detail: '',
    })
  }
}

/** The one ipcMain: handlers main binds, which the test invokes as a window would. */
type Handler = (event: unknown, input: unknown) => unknown
const handlers = new Map<string, Handler>()
export const ipcMain = {
  handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
  removeHandler: (channel: string) => void handlers.delete(channel),
}

export function ipcHandler(channel: string): Handler | undefined {
  return handlers.get(channel)
}

/** The default session: the handlers main installs are kept so the test can ask them. */
type Installed = Record<string, ((...args: unknown[]) => unknown) | undefined>
const installed: Installed = {}
function install(name: string) {
  return (handler: (...args: unknown[]) => unknown) => {
    installed[name] = handler
    report({ kind: 'permission-handlers', installed: Object.keys(installed).sort() })
  }
}
export const session = {
  defaultSession: {
    setPermissionRequestHandler: install('request'),
    setPermissionCheckHandler: install('check'),
    setDevicePermissionHandler: install('device'),
    webRequest: { onHeadersReceived: install('headers') },
  },
}

onCommand((command) => {
  if (command.cmd !== 'ask-permission') return
  const request = installed.request
  if (!request) return report({ kind: 'reply', id: command.id, value: 'no handler' })
  request(
    {},
    command.permission,
    (granted: boolean) => report({ kind: 'reply', id: command.id, value: granted }),
    {
      requestingUrl: command.url,
      isMainFrame: true,
    },
  )
})
