/** Commands the Electron application menu (and its accelerators) sends to the focused window. */
export const APP_COMMANDS = [
  'search',
  'deselect',
  'follow',
  'fit-all',
  'toggle-theme',
  'pop-out-map',
] as const
export type AppCommand = (typeof APP_COMMANDS)[number]

/**
 * The application menu's accelerators (Electron's syntax), one place for both sides: the page sees a
 * key before the menu does, so its own shortcut rule must leave each of these alone or run the same
 * command (renderer/src/app/keyboard-shortcuts.test.ts checks it).
 */
export const APP_COMMAND_ACCELERATORS: Readonly<Partial<Record<AppCommand, string>>> = {
  search: 'CmdOrCtrl+F',
  'fit-all': 'CmdOrCtrl+Shift+A',
  follow: 'CmdOrCtrl+Shift+F',
  'pop-out-map': 'CmdOrCtrl+Shift+M',
  'toggle-theme': 'CmdOrCtrl+Shift+L',
}
