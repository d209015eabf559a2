/** What a development run may change about the app; a packaged app takes none of it. */
export interface DevOverrides {
  /** electron-vite's dev server page instead of the built renderer. */
  rendererUrl: string | null
  /** DevTools in windows and the Reload / Toggle DevTools menu items. */
  devTools: boolean
}

/**
 * Chromium switches that open the renderer to a debugger from outside. A packaged app drops them
 * before `ready`, when Chromium starts its DevTools server. (Node's `--inspect` and
 * `ELECTRON_RUN_AS_NODE` act before any of our code runs: only Electron's fuses, flipped when the
 * app is packaged, turn those off.)
 */
export const DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
] as const

/**
 * Reads the developer overrides: honoured in an unpackaged run only, so an environment variable
 * cannot point an installed app at another page (which would then hold the trusted sender's URL
 * and every permission of our own page).
 */
export function devOverrides(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): DevOverrides {
  if (isPackaged) return { rendererUrl: null, devTools: false }
  const url = env.ELECTRON_RENDERER_URL
  return { rendererUrl: url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : null, devTools: true }
}
