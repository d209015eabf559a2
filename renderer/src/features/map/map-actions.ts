import * as api from '../../lib/api'
import { useAppStore } from '../../store'

export async function setBasemap(basemap: 'auto' | 'online' | 'offline'): Promise<void> {
  useAppStore.getState().setSettings(await api.setMapSettings({ basemap }))
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

/** The pop-out from a button, a menu or a shortcut: nothing waits for it, a failure is only logged. */
export function openMapWindow(): void {
  void popOutMap().catch((cause: unknown) => console.warn('pop-out failed', cause))
}
