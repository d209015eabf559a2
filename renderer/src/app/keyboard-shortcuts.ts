/** What a key press asks for, or null. Kept pure so the bindings are testable without a DOM. */
export type ShortcutAction = 'search' | 'deselect' | 'follow' | 'fit-all'

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
  /** True when focus is in a text field: single-letter shortcuts must not steal typing. */
  typing: boolean
}

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  const mod = press.ctrlKey || press.metaKey
  // Without Shift only: Ctrl/Cmd+Shift+F is the menu's Follow, and taking it here would stop Electron
  // from ever seeing its accelerator.
  if (mod && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'f') return 'search'
  if (press.key === 'Escape') return 'deselect'
  if (press.typing || mod || press.altKey) return null
  if (press.key === '/') return 'search'
  if (press.key === 'F' || (press.key === 'f' && press.shiftKey)) return 'follow'
  if (press.key === 'f') return 'fit-all'
  return null
}
