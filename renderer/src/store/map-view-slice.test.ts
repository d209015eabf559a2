import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAppStore } from './index'

/** A screen: its stored preferences and what it tells matchMedia. */
function screen(stored: Record<string, string>, reducedMotion: boolean): Map<string, string> {
  const storage = new Map(Object.entries(stored))
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
  })
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(prefers-reduced-motion: reduce)' && reducedMotion,
  }))
  return storage
}

afterEach(() => vi.unstubAllGlobals())

describe('the motion preference', () => {
  it('is on by default, and off where the system asks for reduced motion', () => {
    screen({}, false)
    expect(createAppStore().getState().motion).toBe(true)
    screen({}, true)
    expect(createAppStore().getState().motion).toBe(false)
  })

  it('is remembered for this computer, and the remembered choice wins over the system', () => {
    const storage = screen({}, true)
    createAppStore().getState().setMotion(true)
    expect(storage.get('fleet-monitor.motion')).toBe('on')
    expect(createAppStore().getState().motion).toBe(true)
    screen({ 'fleet-monitor.motion': 'off' }, false)
    expect(createAppStore().getState().motion).toBe(false)
  })

  it('ignores a stored value it does not know', () => {
    screen({ 'fleet-monitor.motion': 'sometimes' }, false)
    expect(createAppStore().getState().motion).toBe(true)
  })
})
