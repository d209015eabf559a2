import { afterEach, describe, expect, it } from 'vitest'
import { FakePowerEvents } from '../support/session-kit'
import { createLogger } from '../../core/logging/logger'
import { FakeClock } from '../fakes/fake-clock'
import { nugiosScheme } from '../../core/connections/schemes/nugios'
import type { NugiosConfig } from '../../core/connections/schemes/nugios'
import { TokenEngine } from '../../core/tokens/token-engine'
import { advance, connectionConfig, createConnectionKit, waitFor } from '../support/connection-kit'
import type { NugiosFake } from '../fakes/fake-nugios'
import { NUGIOS_TEST_PATHS, startNugiosFake } from '../fakes/fake-nugios'
import type { TavioFake } from '../fakes/fake-tavio'
import { startTavioFake } from '../fakes/fake-tavio'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

describe('the token engine, whatever the scheme', () => {
  it("judges a JWT exp on the server's clock: a skewed server does not make renewal late", async () => {
    const kit = createConnectionKit()
    const fake: TavioFake = await startTavioFake({
      orgDomain: 'acme',
      username: 'u',
      password: 'p',
      envDomain: 'e',
      clientId: 'c',
      clientSecret: 's',
      now: () => kit.clock.now(),
    })
    closers.push(() => fake.close())
    fake.faults.skewMs = 10 * 60_000
    const config = connectionConfig({
      id: 'adm',
      name: 'Admin',
      scheme: 'tavio-orgadmin',
      baseUrl: fake.url,
      orgDomain: 'acme',
      clientId: 'c',
    })
    await kit.service.save(config, 's')
    const { status } = await kit.service.test('adm')
    expect(status.lifetimeSource).toBe('jwt-exp')
    // Local expiry: 3600 s from now on our clock, although the exp claim is 10 minutes ahead of it.
    expect(Math.abs(status.expiresAt! - kit.clock.now() - 3600_000)).toBeLessThanOrEqual(1000)
    expect(Math.abs(status.nextRenewalAt! - kit.clock.now() - 3480_000)).toBeLessThanOrEqual(1000)
    kit.service.dispose()
  })

  it('after a sleep into the renewal window, a resume renews at once (no timer fired)', async () => {
    const clock = new FakeClock()
    const power = new FakePowerEvents()
    const fake: NugiosFake = await startNugiosFake({ login: 'l', password: 'p', now: () => clock.now() })
    closers.push(() => fake.close())
    const config = connectionConfig({
      id: 'n',
      name: 'N',
      scheme: 'nugios',
      baseUrl: fake.url,
      login: 'l',
      overrides: { paths: { ...NUGIOS_TEST_PATHS } },
    }) as NugiosConfig
    const engine = new TokenEngine(nugiosScheme, config, {
      clock,
      fetch,
      powerEvents: power,
      random: () => 0,
      logger: createLogger('t', { write: () => undefined }),
      secret: () => Promise.resolve('p'),
    })
    await engine.connect()
    clock.jump(30 * 24 * 3600_000 - 60_000)
    power.resume()
    await waitFor(
      () => engine.status().lastRenewedAt !== null && engine.status().phase === 'connected',
      'renewal on resume',
    )
    expect(fake.requests.filter((r) => r.path === NUGIOS_TEST_PATHS.refresh)).toHaveLength(1)
    await advance(clock, 1000)
    engine.dispose()
  })
})
