import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../core/logging/logger'
import type { Updater } from './auto-update'
import { createAutoUpdate } from './auto-update'

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false
  autoInstallOnAppQuit = false
  checks = 0
  checkForUpdates(): Promise<unknown> {
    this.checks += 1
    return Promise.resolve(null)
  }
}

function setup(isPackaged = true) {
  const updater = new FakeUpdater()
  const load = vi.fn(() => Promise.resolve(updater))
  const ready: string[] = []
  const auto = createAutoUpdate({
    isPackaged,
    load,
    notifyReady: (version) => ready.push(version),
    logger: silentLogger,
    intervalMs: 1000,
  })
  return { updater, load, ready, auto }
}

describe('createAutoUpdate', () => {
  afterEach(() => vi.useRealTimers())

  it('never loads electron-updater while the setting is off', async () => {
    const { auto, load } = setup()
    await auto.apply(false)
    expect(load).not.toHaveBeenCalled()
  })

  it('never loads it in a development run, even with the setting on', async () => {
    const { auto, load } = setup(false)
    await auto.apply(true)
    expect(load).not.toHaveBeenCalled()
  })

  it('checks now and on the interval when on, installs at quit, and says when an update is ready', async () => {
    vi.useFakeTimers()
    const { auto, updater, ready } = setup()
    await auto.apply(true)
    await auto.apply(true)
    expect(updater).toMatchObject({ checks: 1, autoDownload: true, autoInstallOnAppQuit: true })
    await vi.advanceTimersByTimeAsync(2000)
    expect(updater.checks).toBe(3)
    updater.emit('update-downloaded', { version: '0.2.0' })
    expect(ready).toEqual(['0.2.0'])
    await auto.apply(false)
    await vi.advanceTimersByTimeAsync(5000)
    expect(updater.checks).toBe(3)
  })

  it('logs a failing feed or a failing load instead of throwing', async () => {
    const { auto, updater } = setup()
    updater.checkForUpdates = () => Promise.reject(new Error('feed down'))
    await expect(auto.apply(true)).resolves.toBeUndefined()
    const broken = createAutoUpdate({
      isPackaged: true,
      load: () => Promise.reject(new Error('missing')),
      notifyReady: () => undefined,
      logger: silentLogger,
    })
    await expect(broken.apply(true)).resolves.toBeUndefined()
  })
})
