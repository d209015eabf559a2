import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../../../shared/domain/app-command'

/**
 * The application menu as data: commands go to the focused window's renderer (the same actions as
 * its keyboard shortcuts), so menu, shortcut and button always do the same thing. Accelerators
 * mirror the in-page shortcuts; Escape stays in the page (a menu accelerator would steal it from
 * every text field). Reload and DevTools are for development runs only (`devTools`, false when
 * packaged): in the field they would only lose the dispatcher's view or open the page to inspection.
 */
export function appMenuTemplate(
  send: (command: AppCommand) => void,
  isMac: boolean,
  devTools: boolean,
): MenuItemConstructorOptions[] {
  const command = (label: string, name: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...(accelerator ? { accelerator } : {}),
  })
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' as const } : { role: 'quit' as const }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('Search devices', 'search', 'CmdOrCtrl+F'),
        command('Deselect', 'deselect'),
        { type: 'separator' },
        command('Fit all vehicles', 'fit-all', 'CmdOrCtrl+Shift+A'),
        command('Follow selected vehicle', 'follow', 'CmdOrCtrl+Shift+F'),
        command('Pop out map', 'pop-out-map', 'CmdOrCtrl+Shift+M'),
        command('Light / dark theme', 'toggle-theme', 'CmdOrCtrl+Shift+L'),
        ...(devTools
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
}
