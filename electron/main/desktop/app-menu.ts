import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../../../shared/domain/app-command'

/**
 * The application menu as data: commands go to the focused window's renderer (the same actions as
 * its keyboard shortcuts), so menu, shortcut and button always do the same thing. Accelerators
 * mirror the in-page shortcuts; Escape stays in the page (a menu accelerator would steal it from
 * every text field).
 */
export function appMenuTemplate(
  send: (command: AppCommand) => void,
  isMac: boolean,
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
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
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
