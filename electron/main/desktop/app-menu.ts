import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../../../shared/domain/app-command'
import { APP_COMMAND_ACCELERATORS } from '../../../shared/domain/app-command'
import type { Say } from '../locales/main-strings'

export interface AppMenuOptions {
  /** Sends a command to the focused window's renderer. */
  send: (command: AppCommand) => void
  isMac: boolean
  /** False when packaged: no Reload or DevTools items. */
  devTools: boolean
  say: Say
  openLogFolder: () => void
  /** The "check for updates automatically" setting: its state now, and what a click changes it to. */
  autoUpdate: { enabled: boolean; set: (enabled: boolean) => void }
}

type Item = MenuItemConstructorOptions

/**
 * The application menu as data: commands go to the focused window's renderer (the same actions as
 * its keyboard shortcuts), so menu, shortcut and button always do the same thing. Accelerators
 * mirror the in-page shortcuts; Escape stays in the page (a menu accelerator would steal it from
 * every text field). Reload and DevTools are for development runs only (`devTools`, false when
 * packaged): in the field they would only lose the dispatcher's view or open the page to inspection.
 * Every item has a label in the desk's language: a role item without one shows Electron's English.
 */
export function appMenuTemplate(options: AppMenuOptions): Item[] {
  const { send, isMac, devTools, say } = options
  const command = (label: string, name: AppCommand): Item => {
    const accelerator = APP_COMMAND_ACCELERATORS[name]
    return { label, click: () => send(name), ...(accelerator ? { accelerator } : {}) }
  }
  const separator: Item = { type: 'separator' }
  return [
    ...(isMac
      ? [
          {
            label: 'Fleet Monitor',
            submenu: [
              { role: 'about', label: say('menu.about') },
              separator,
              { role: 'services', label: say('menu.services') },
              separator,
              { role: 'hide', label: say('menu.hide') },
              { role: 'hideOthers', label: say('menu.hideOthers') },
              { role: 'unhide', label: say('menu.unhide') },
              separator,
              { role: 'quit', label: say('menu.quit') },
            ] satisfies Item[],
          },
        ]
      : []),
    {
      label: say('menu.file'),
      submenu: [
        isMac ? { role: 'close', label: say('menu.close') } : { role: 'quit', label: say('menu.quit') },
      ],
    },
    {
      label: say('menu.edit'),
      submenu: [
        { role: 'undo', label: say('menu.undo') },
        { role: 'redo', label: say('menu.redo') },
        separator,
        { role: 'cut', label: say('menu.cut') },
        { role: 'copy', label: say('menu.copy') },
        { role: 'paste', label: say('menu.paste') },
        { role: 'selectAll', label: say('menu.selectAll') },
      ],
    },
    {
      label: say('menu.view'),
      submenu: [
        command(say('menu.searchDevices'), 'search'),
        command(say('menu.deselect'), 'deselect'),
        separator,
        command(say('menu.fitAll'), 'fit-all'),
        command(say('menu.follow'), 'follow'),
        command(say('menu.popOutMap'), 'pop-out-map'),
        command(say('menu.toggleTheme'), 'toggle-theme'),
        ...(devTools
          ? [
              separator,
              { role: 'reload', label: say('menu.reload') } as const,
              { role: 'toggleDevTools', label: say('menu.toggleDevTools') } as const,
            ]
          : []),
        separator,
        { role: 'resetZoom', label: say('menu.resetZoom') },
        { role: 'zoomIn', label: say('menu.zoomIn') },
        { role: 'zoomOut', label: say('menu.zoomOut') },
        { role: 'togglefullscreen', label: say('menu.fullscreen') },
      ],
    },
    {
      label: say('menu.window'),
      submenu: [
        { role: 'minimize', label: say('menu.minimize') },
        ...(isMac
          ? [
              { role: 'zoom', label: say('menu.zoom') } as const,
              separator,
              { role: 'front', label: say('menu.front') } as const,
            ]
          : [{ role: 'close', label: say('menu.close') } as const]),
      ],
    },
    {
      label: say('menu.help'),
      submenu: [
        { label: say('menu.openLogFolder'), click: options.openLogFolder },
        separator,
        {
          label: say('menu.autoUpdate'),
          type: 'checkbox',
          checked: options.autoUpdate.enabled,
          click: (item) => options.autoUpdate.set(item.checked),
        },
      ],
    },
  ]
}
