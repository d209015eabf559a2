import type { DesktopApi } from '../../../shared/ipc/desktop-api'
import { DESKTOP_API_GLOBAL } from '../../../shared/ipc/desktop-api'
import { createWebDesktopApi } from './web-desktop-api'

/** Listeners that want to know when the browser host's transport came back (to re-read the snapshot). */
const reconnectListeners = new Set<() => void>()

export function onTransportReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener)
  return () => reconnectListeners.delete(listener)
}

/**
 * Electron without its preload: there is no host to reach, so every call fails at once with the
 * reason (main tells the person in a native dialog) instead of a WebSocket retrying file:// forever.
 */
const missingPreloadApi: DesktopApi = {
  call: () =>
    Promise.resolve({
      ok: false,
      error: { code: 'host-disconnected', message: 'The window’s preload script did not load.' },
    }),
  on: () => () => undefined,
}

function pickDesktopApi(): DesktopApi {
  // In Electron the sandboxed preload exposes the API; anywhere else we are in the browser host.
  const exposed = (window as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL]
  if (exposed) return exposed
  if (/\bElectron\//.test(navigator.userAgent)) return missingPreloadApi
  return createWebDesktopApi(window.location, () => reconnectListeners.forEach((listener) => listener()))
}

/** The one way the renderer reaches the desktop: used through lib/api.ts only. */
export const desktopApi: DesktopApi = pickDesktopApi()

/** Which host runs this renderer, for wording only. */
export const hostKind: 'electron' | 'web' = DESKTOP_API_GLOBAL in window ? 'electron' : 'web'
