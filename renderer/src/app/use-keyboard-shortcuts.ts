import { useEffect } from 'react'
import { useAppStore } from '../store'
import { runAppCommand } from './app-commands'
import { shortcutFor } from './keyboard-shortcuts'
import { exitReplay } from '../features/replay/replay-actions'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Search, deselect, follow and fit all from the keyboard, while the main screen is shown. */
export function useKeyboardShortcuts(): void {
  useEffect(function bindShortcuts() {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        typing: isTyping(event.target),
      })
      if (!action) return
      const store = useAppStore.getState()
      // Escape leaves a replay first: one key back to live.
      if (action === 'deselect' && store.replay !== null) {
        event.preventDefault()
        exitReplay()
        return
      }
      if (action === 'deselect' && store.selectedAssetId === null) return
      event.preventDefault()
      runAppCommand(action)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
