import { describe, expect, it } from 'vitest'
import { APP_COMMAND_ACCELERATORS } from '../../../shared/domain/app-command'
import { shortcutFor } from './keyboard-shortcuts'
import type { KeyPress } from './keyboard-shortcuts'

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  typing: false,
  ...extra,
})

describe('shortcutFor', () => {
  it('maps Ctrl/Cmd+F and / to search, Escape to deselect', () => {
    expect(shortcutFor(press('f', { ctrlKey: true }))).toBe('search')
    expect(shortcutFor(press('f', { metaKey: true }))).toBe('search')
    expect(shortcutFor(press('/'))).toBe('search')
    expect(shortcutFor(press('Escape', { typing: true }))).toBe('deselect')
  })

  it('leaves Ctrl/Cmd+Shift+F to the menu’s Follow', () => {
    expect(shortcutFor(press('F', { ctrlKey: true, shiftKey: true }))).toBeNull()
    expect(shortcutFor(press('F', { metaKey: true, shiftKey: true }))).toBeNull()
  })

  it('maps f to fit all and Shift+F to follow', () => {
    expect(shortcutFor(press('f'))).toBe('fit-all')
    expect(shortcutFor(press('F', { shiftKey: true }))).toBe('follow')
  })

  it('never steals letters typed into a field', () => {
    expect(shortcutFor(press('f', { typing: true }))).toBeNull()
    expect(shortcutFor(press('/', { typing: true }))).toBeNull()
    expect(shortcutFor(press('x'))).toBeNull()
  })
})

/** The key presses an Electron accelerator stands for, as the page's keydown sees them (Ctrl and Cmd). */
function pressesOf(accelerator: string): KeyPress[] {
  const parts = accelerator.split('+')
  const key = parts.at(-1) ?? ''
  const shiftKey = parts.includes('Shift')
  const base = {
    key: shiftKey ? key.toUpperCase() : key.toLowerCase(),
    shiftKey,
    altKey: parts.includes('Alt'),
  }
  return [press(base.key, { ...base, ctrlKey: true }), press(base.key, { ...base, metaKey: true })]
}

// The page sees a key before Electron's menu does, and its preventDefault means the menu's
// accelerator never runs: each accelerator must be left alone by the page or run the same command.
describe('shortcutFor and the menu accelerators', () => {
  it('never takes a menu accelerator for another action', () => {
    for (const [command, accelerator = ''] of Object.entries(APP_COMMAND_ACCELERATORS)) {
      for (const keys of pressesOf(accelerator)) {
        expect([null, command], accelerator).toContain(shortcutFor(keys))
      }
    }
  })
})
