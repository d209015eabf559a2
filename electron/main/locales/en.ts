/**
 * The words of the native parts of the app (menu, tray, dialogs, notifications) in English. The
 * renderer has its own locales; these never cross to it. es-mx.ts must have every key (the type says so).
 */
export const en = {
  // Menu: each role item carries its own label, or Electron would show its English default.
  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.view': 'View',
  'menu.window': 'Window',
  'menu.help': 'Help',
  'menu.quit': 'Quit Fleet Monitor',
  'menu.close': 'Close Window',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.searchDevices': 'Search devices',
  'menu.deselect': 'Deselect',
  'menu.fitAll': 'Fit all vehicles',
  'menu.follow': 'Follow selected vehicle',
  'menu.popOutMap': 'Pop out map',
  'menu.toggleTheme': 'Light / dark theme',
  'menu.reload': 'Reload',
  'menu.toggleDevTools': 'Developer tools',
  'menu.resetZoom': 'Actual size',
  'menu.zoomIn': 'Zoom in',
  'menu.zoomOut': 'Zoom out',
  'menu.fullscreen': 'Full screen',
  'menu.minimize': 'Minimize',
  'menu.zoom': 'Zoom',
  'menu.front': 'Bring all to front',
  'menu.about': 'About Fleet Monitor',
  'menu.services': 'Services',
  'menu.hide': 'Hide Fleet Monitor',
  'menu.hideOthers': 'Hide others',
  'menu.unhide': 'Show all',
  'menu.openLogFolder': 'Open log folder',
  'menu.autoUpdate': 'Check for updates automatically',

  'tray.show': 'Show Fleet Monitor',
  'tray.quit': 'Quit',
  'tray.signedOut': 'Fleet Monitor: not signed in',
  'tray.signedIn': 'Fleet Monitor: signed in, listener off',
  'tray.listening': 'Fleet Monitor: signed in, receiving positions',
  'tray.listenerProblem': 'Fleet Monitor: the webhook listener stopped (open Health)',
  'tray.renewalProblem': 'Fleet Monitor: the session cannot be renewed (open Health)',

  'window.mapTitle': 'Fleet Monitor: map',
  'window.videoPortalTitle': 'Fleet Monitor: 8x8 Agent Portal',

  'dialog.quit': 'Quit',
  'dialog.openLogFolder': 'Open log folder',
  'dialog.startFailed.title': 'Fleet Monitor could not start',
  'dialog.startFailed.message': 'Fleet Monitor could not open its data folder, so it cannot run.',
  'dialog.startFailed.detail': 'Folder: {folder}\nWhat the system said: {reason}',
  'dialog.badOption.title': 'Fleet Monitor was started with a wrong option',
  'dialog.badOption.bad-port': '{option} needs a port number from 0 to 65535; it was given “{value}”.',
  'dialog.badOption.bad-resolve':
    '{option} needs HOST:PORT:ADDRESS with an IP address (for example desk3.example.net:443:127.0.0.1); it was given “{value}”.',
  'dialog.badOption.bad-api-url':
    'TAGORA_API_URL must be an https:// address (plain http:// only for this computer); it is “{value}”.',
  'dialog.badOption.bad-relay':
    '{option}: the relay address must be https:// or wss:// and the desk key must read name.secret (both options go together).',
  'dialog.badOption.unknown-option': '{option} is not an option of Fleet Monitor.',
  'dialog.brokenInstall.title': 'Fleet Monitor is damaged',
  'dialog.brokenInstall.message':
    'A file that connects the window to the app is missing or failed to load. Reinstall Fleet Monitor.',

  'update.ready.title': 'Fleet Monitor update ready',
  'update.ready.body': 'Version {version} will be installed when you quit Fleet Monitor.',
} as const

export type MainStringKey = keyof typeof en
/** A complete set of the native words: a language missing one does not compile. */
export type MainStrings = { readonly [K in MainStringKey]: string }
