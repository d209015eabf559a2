import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FleetApp } from '../../core/app/fleet-app'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import type { SecretStore } from '../../core/ports/secret-store'
import { MemorySecretStore } from '../fakes/fake-secret-store'
import { FakePowerEvents } from '../support/session-kit'

/** A keyring that stays locked until the test unlocks it (the person dismissed the first prompt). */
class LockedKeyring implements SecretStore {
  unlocked = false
  private readonly secrets = new MemorySecretStore()
  availability(): ReturnType<SecretStore['availability']> {
    if (this.unlocked) return this.secrets.availability()
    return Promise.resolve({ available: false, reason: 'The keyring is locked.' })
  }
  get = (account: string) => this.secrets.get(account)
  set = (account: string, secret: string) => this.secrets.set(account, secret)
  delete = (account: string) => this.secrets.delete(account)
}

describe('"keep me signed in" after a locked keyring at start', () => {
  let dataDir = ''
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('is offered again once the screen is unlocked, instead of staying off for the whole run', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fleet-keyring-'))
    const keyring = new LockedKeyring()
    const power = new FakePowerEvents()
    const app = new FleetApp({
      dataDir,
      host: 'electron',
      listenerPortOverride: 0,
      secretStore: keyring,
      powerEvents: power,
      clock: systemClock,
      logger: silentLogger,
    })
    await app.start()
    await app.session.checkKeychain()
    expect(app.session.state().rememberAvailable).toBe(false)

    keyring.unlocked = true
    power.resume()
    await expect.poll(() => app.session.state().rememberAvailable).toBe(true)
    await app.stop()
  })
})
