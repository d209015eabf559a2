import type { AppCommand } from '../../../shared/domain/app-command'
import { callApi } from '../lib/call'
import { useAppStore } from '../store'

/** Whether this window is the pop-out map (second monitor): `?view=map`. */
export function isMapOnlyWindow(): boolean {
  return new URLSearchParams(globalThis.location?.search ?? '').get('view') === 'map'
}

/**
 * Opens the map alone in a second window. Electron opens its own window; in the browser host the
 * page opens a tab of itself with ?view=map (the secret stays in the hash, never in the query).
 */
export async function popOutMap(): Promise<void> {
  const { opened } = await callApi('window:pop-out-map', undefined)
  if (opened) return
  const url = new URL(location.href)
  url.searchParams.set('view', 'map')
  window.open(url.toString(), 'fleet-monitor-map')
}

/** Runs a command from the application menu or a keyboard shortcut in this window. */
export function runAppCommand(command: AppCommand): void {
  const store = useAppStore.getState()
  switch (command) {
    case 'search':
      document.querySelector<HTMLInputElement>('[data-testid="device-search"]')?.focus()
      return
    case 'deselect':
      store.selectAsset(null)
      return
    case 'follow':
      store.setFollowing(!store.following)
      return
    case 'fit-all':
      store.requestFitAll()
      return
    case 'toggle-theme':
      store.setTheme(store.theme === 'dark' ? 'light' : 'dark')
      return
    case 'pop-out-map':
      void popOutMap().catch((cause: unknown) => console.warn('pop-out failed', cause))
      return
  }
}
