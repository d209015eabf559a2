import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { appMenuTemplate } from '../../electron/main/desktop/app-menu'
import { sayIn } from '../../electron/main/locales/main-strings'
import { shortcutFor } from '../../renderer/src/app/keyboard-shortcuts'
import type { KeyPress } from '../../renderer/src/app/keyboard-shortcuts'

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

/** The key presses an accelerator stands for, as the page's keydown sees them (Ctrl and Cmd). */
function pressesOf(accelerator: string): KeyPress[] {
  const parts = accelerator.split('+')
  const key = parts.at(-1) ?? ''
  const shiftKey = parts.includes('Shift')
  const base = {
    key: shiftKey ? key.toUpperCase() : key.toLowerCase(),
    shiftKey,
    altKey: parts.includes('Alt'),
    typing: false,
  }
  return [
    { ...base, ctrlKey: true, metaKey: false },
    { ...base, ctrlKey: false, metaKey: true },
  ]
}

// The page sees a key before Electron's menu does, and a preventDefault there means the menu's
// accelerator never runs: each accelerator must be left alone by the page or do the same thing.
describe('menu accelerators and in-page shortcuts', () => {
  it('never take a menu accelerator for another action', () => {
    let sent: string | null = null
    const menu = appMenuTemplate({
      send: (command) => (sent = command),
      isMac: false,
      devTools: false,
      say: sayIn('en'),
      openLogFolder: () => undefined,
      autoUpdate: { enabled: false, set: () => undefined },
    })
    const checked = items(menu).filter((item) => item.accelerator && item.click)
    expect(checked.length).toBeGreaterThan(3)
    for (const item of checked) {
      sent = null
      item.click?.(undefined as never, undefined, undefined as never)
      for (const press of pressesOf(String(item.accelerator))) {
        const taken = shortcutFor(press)
        expect([null, sent], `${String(item.accelerator)} (${item.label ?? ''})`).toContain(taken)
      }
    }
  })
})
