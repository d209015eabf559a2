import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../core/adapters/keytar-secret-store'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { noPowerEvents } from '../../core/ports/power-events'
import { savedSignInAccount } from '../../core/session/saved-sign-in'
import { TagoraSession } from '../../core/session/tagora-session'
import { createTagoraClient } from '../../core/tagora/tagora-client'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { describe as describeError } from '../../shared/errors/describe'

// "Keep me signed in" end to end through keytar and a real Secret Service (gnome-keyring under
// dbus-run-session: scripts/with-keychain.sh). Each "launch" is a new store and a new session.
const real = process.env.FLEET_REAL_KEYCHAIN === '1'
const SERVICE = 'Fleet Monitor session test'

describe.runIf(real)('keep me signed in, against a real keychain', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator({ vehicles: 1, autoTick: false, seed: 3 })
  })
  afterAll(async () => {
    await sim.close()
  })

  const launch = () =>
    new TagoraSession({
      clock: systemClock,
      secretStore: new KeytarSecretStore(SERVICE),
      powerEvents: noPowerEvents,
      logger: silentLogger,
      createClient: (baseUrl) => createTagoraClient({ baseUrl, logger: silentLogger }),
    })

  it('stores the renewToken, signs in silently at the next launch, and sign-out deletes the entry', async () => {
    const { email, password } = sim.credentials
    const account = savedSignInAccount(sim.apiBaseUrl, email)
    const keychain = new KeytarSecretStore(SERVICE)

    const first = launch()
    await first.signIn({ apiUrl: sim.apiBaseUrl, email, password, remember: true })
    const saved = await keychain.get(account)
    expect(saved).toMatch(/^rt_/)
    first.dispose()

    const second = launch()
    const state = await second.restore({ apiUrl: sim.apiBaseUrl, email })
    expect(state).toMatchObject({ phase: 'signed-in', email, rememberAvailable: true })
    // The renewal at launch rotated the token; the keychain holds the new one, never the old.
    const rotated = await keychain.get(account)
    expect(rotated).toMatch(/^rt_/)
    expect(rotated).not.toBe(saved)

    await second.signOut()
    expect(await keychain.get(account)).toBeNull()
    second.dispose()

    const third = launch()
    expect(await third.restore({ apiUrl: sim.apiBaseUrl, email })).toMatchObject({
      phase: 'signed-out',
      email,
    })
    third.dispose()
  })

  it('keys the entry by API URL and email, so other servers and users are untouched', async () => {
    const { email, password } = sim.credentials
    const keychain = new KeytarSecretStore(SERVICE)
    const other = savedSignInAccount('https://staging.example/integration/v1', email)
    await keychain.set(other, 'rt_other')
    const session = launch()
    await session.signIn({ apiUrl: sim.apiBaseUrl, email, password, remember: true })
    await session.signOut()
    expect(await keychain.get(other)).toBe('rt_other')
    await keychain.delete(other)
    session.dispose()
  })
})

describe.runIf(!real)('keep me signed in without a keychain', () => {
  it('signs in, saves nothing, and explains why the option is off', async () => {
    const sim = await startSimulator({ vehicles: 1, autoTick: false, seed: 3 })
    try {
      const session = new TagoraSession({
        clock: systemClock,
        secretStore: new KeytarSecretStore(SERVICE),
        powerEvents: noPowerEvents,
        logger: silentLogger,
        createClient: (baseUrl) => createTagoraClient({ baseUrl, logger: silentLogger }),
      })
      const { email, password } = sim.credentials
      const state = await session.signIn({ apiUrl: sim.apiBaseUrl, email, password, remember: true })
      expect(state).toMatchObject({ phase: 'signed-in', rememberAvailable: false })
      expect(state.rememberUnavailableReason).toMatchObject({ code: 'keychain-unavailable' })
      expect(describeError(state.rememberUnavailableReason!, 'en')).toMatch(/keychain/i)
      session.dispose()
    } finally {
      await sim.close()
    }
  })
})
