import { describe, expect, it } from 'vitest'
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
