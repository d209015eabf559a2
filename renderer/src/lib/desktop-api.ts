import type { DesktopApi } from '../../../shared/ipc/desktop-api'
import { DESKTOP_API_GLOBAL } from '../../../shared/ipc/desktop-api'
import { createWebDesktopApi } from './web-desktop-api'

/** Listeners that want to know when the browser host's transport came back (to re-read the snapshot). */
const reconnectListeners = new Set<() => void>()

export function onTransportReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener)
  return () => reconnectListeners.delete(listener)
}

function pickDesktopApi(): DesktopApi {
  // In Electron the sandboxed preload exposes the API; anywhere else we are in the browser host.
  const exposed = (window as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL]
  if (exposed) return exposed
  return createWebDesktopApi(window.location, () => reconnectListeners.forEach((listener) => listener()))
}

/** The one way the renderer reaches the desktop: used through lib/api.ts only. */
export const desktopApi: DesktopApi = pickDesktopApi()

/** Which host runs this renderer, for wording only. */
export const hostKind: 'electron' | 'web' = DESKTOP_API_GLOBAL in window ? 'electron' : 'web'
