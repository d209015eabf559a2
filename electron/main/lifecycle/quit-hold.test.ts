import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../core/logging/logger'
import { holdQuitForCleanup } from './quit-hold'

function fakeApp() {
  const emitter = new EventEmitter()
  const exits: number[] = []
  const app = {
    on: (event: 'will-quit', listener: (event: { preventDefault(): void }) => void) =>
      emitter.on(event, listener),
    exit: (code: number) => void exits.push(code),
  }
  /** Emits will-quit; true when a listener held it. */
  const willQuit = (): boolean => {
    let held = false
    emitter.emit('will-quit', { preventDefault: () => (held = true) })
    return held
  }
  return { app, exits, willQuit }
}

describe('holdQuitForCleanup', () => {
  it('holds the quit once, exits only after cleanup, and ignores a second quit meanwhile', async () => {
    const { app, exits, willQuit } = fakeApp()
    let finish!: () => void
    const cleanup = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    holdQuitForCleanup(app, cleanup, silentLogger)
    expect(willQuit()).toBe(true)
    expect(willQuit()).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(exits).toEqual([])
    finish()
    await vi.waitFor(() => expect(exits).toEqual([0]))
    expect(cleanup).toHaveBeenCalledTimes(1)
    expect(willQuit()).toBe(false)
  })

  it('exits after the deadline when cleanup hangs, and when it fails', async () => {
    const hung = fakeApp()
    holdQuitForCleanup(hung.app, () => new Promise<void>(() => undefined), silentLogger, 20)
    hung.willQuit()
    await vi.waitFor(() => expect(hung.exits).toEqual([0]))

    const failing = fakeApp()
    holdQuitForCleanup(failing.app, () => Promise.reject(new Error('disk full')), silentLogger)
    failing.willQuit()
    await vi.waitFor(() => expect(failing.exits).toEqual([0]))
  })
})
