import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FleetApp } from '../../core/app/fleet-app'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { noPowerEvents } from '../../core/ports/power-events'
import { savedSignInAccount } from '../../core/session/saved-sign-in'
import type { Simulator } from '../../tools/simulator/simulator'
import { MemorySecretStore } from '../fakes/fake-secret-store'
import { startTestSimulator } from '../support/app-kit'

/** A keychain whose writes wait for the test to let them through (a slow or prompting keychain). */
class GatedSecretStore extends MemorySecretStore {
  private gate: { opened: Promise<void>; open: () => void } | null = null
  readonly writeStarted: Promise<void>
  private started!: () => void

  constructor() {
    super()
    this.writeStarted = new Promise((resolve) => (this.started = resolve))
  }

  hold(): void {
    let open!: () => void
    const opened = new Promise<void>((resolve) => (open = resolve))
    this.gate = { opened, open }
  }

  release(): void {
    this.gate?.open()
  }

  override async set(account: string, secret: string): Promise<void> {
    this.started()
    await this.gate?.opened
    return super.set(account, secret)
  }
}

describe('FleetApp.stop', () => {
  let sim: Simulator | null = null
  let dataDir = ''
  afterEach(async () => {
    await sim?.close()
    sim = null
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('waits for a keychain write in flight and the settings file, and keeps the saved sign-in', async () => {
    sim = await startTestSimulator({ vehicles: 1 })
    dataDir = await mkdtemp(join(tmpdir(), 'fleet-stop-'))
    const keychain = new GatedSecretStore()
    const app = new FleetApp({
      dataDir,
      host: 'electron',
      apiUrlOverride: sim.apiBaseUrl,
      listenerPortOverride: 0,
      secretStore: keychain,
      powerEvents: noPowerEvents,
      clock: systemClock,
      logger: silentLogger,
    })
    await app.start()
    const { email, password } = sim.credentials
    keychain.hold()
    const signIn = app.handlers['session:sign-in']({ email, password, remember: true })
    await keychain.writeStarted

    let stopped = false
    const stopping = app.stop().then(() => (stopped = true))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(stopped).toBe(false)
    keychain.release()
    await stopping
    await signIn.catch(() => undefined)

    // The write landed and the disposing session did not take it back; nothing half-written is left.
    expect(await keychain.get(savedSignInAccount(sim.apiBaseUrl, email))).toEqual(expect.any(String))
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('disposes the session: no renewal timer is left to keep a stopped app alive', async () => {
    sim = await startTestSimulator({ vehicles: 1 })
    dataDir = await mkdtemp(join(tmpdir(), 'fleet-stop-'))
    const app = new FleetApp({
      dataDir,
      host: 'web',
      apiUrlOverride: sim.apiBaseUrl,
      listenerPortOverride: 0,
      secretStore: new MemorySecretStore(),
      powerEvents: noPowerEvents,
      clock: systemClock,
      logger: silentLogger,
    })
    await app.start()
    await app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    expect(app.session.state().phase).toBe('signed-in')
    await app.stop()
    expect(app.session.state().phase).toBe('signed-out')
  })
})
