import type { AppCommand } from '../../../shared/domain/app-command'
import { useAppStore } from '../store'
import { openMapWindow } from '../features/map/map-actions'

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
      openMapWindow()
      return
  }
}
