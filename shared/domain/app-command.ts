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
