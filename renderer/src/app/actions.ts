import * as api from '../lib/api'
import { useAppStore } from '../store'

// User intents that reach main. Components call these; only action files (and the bridge) call the API.

export async function signIn(email: string, password: string, remember: boolean): Promise<void> {
  useAppStore.getState().setSession(await api.signIn({ email, password, remember }))
}

export async function startDemo(): Promise<void> {
  useAppStore.getState().setSession(await api.startDemo())
}

export async function signOut(): Promise<void> {
  useAppStore.getState().setSession(await api.signOut())
}

export async function refreshDevices(): Promise<void> {
  useAppStore.getState().setDeviceSync(await api.refreshDevices())
}

export async function setApiUrl(apiUrl: string): Promise<void> {
  useAppStore.getState().setSettings(await api.setApiUrl({ apiUrl }))
}

export async function setBasemap(basemap: 'auto' | 'online' | 'offline'): Promise<void> {
  useAppStore.getState().setSettings(await api.setMapSettings({ basemap }))
}

export async function setTelemetryThresholds(change: {
  staleAfterSeconds?: number
  offlineAfterSeconds?: number
  trailMinutes?: number
  trailPoints?: number
}): Promise<void> {
  useAppStore.getState().setSettings(await api.setTelemetrySettings(change))
}

/** The user read the start-up notice: gone here at once, and in main (best effort). */
export function dismissNotice(): void {
  useAppStore.getState().setNotice(null)
  // Main forgets it too, or the next snapshot (a reconnect, a new window) would bring it back.
  void api.dismissNotice().catch(() => undefined)
}

/**
 * Opens the map alone in a second window. Electron opens its own window; in the browser host the
 * page opens a tab of itself with ?view=map (the secret stays in the hash, never in the query).
 */
export async function popOutMap(): Promise<void> {
  const { opened } = await api.popOutMap()
  if (opened) return
  const url = new URL(location.href)
  url.searchParams.set('view', 'map')
  window.open(url.toString(), 'fleet-monitor-map')
}
