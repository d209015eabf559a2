import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../core/logging/logger'
import { FakeClock } from '../fakes/fake-clock'
import { tagoraScheme } from '../../core/session/tagora-scheme'
import type { TagoraConnectionConfig } from '../../core/session/tagora-scheme'
import { TokenEngine } from '../../core/tokens/token-engine'
import { createTagoraClient } from '../../core/tagora/tagora-client'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/types'

// Tagora as one scheme of the generic engine, against the real simulator (same envelope, JWT exp,
// rotating renewToken): the same scheme the app's own session runs on (session/tagora-session.ts).
let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

describe('Tagora as a scheme of the token engine', () => {
  it('signs in through the {data} envelope, reads the JWT exp, presents Bearer, renews with rotation', async () => {
    const clock = new FakeClock(Date.now())
    const { email, password } = sim.credentials
    const config: TagoraConnectionConfig = {
      id: 'tagora',
      name: 'Tagora',
      baseUrl: sim.apiBaseUrl,
      email,
      overrides: { paths: {}, fields: {}, lifetimeSeconds: null },
    }
    const logger = createLogger('t', { write: () => undefined })
    const client = createTagoraClient({ baseUrl: sim.apiBaseUrl, logger })
    const engine = new TokenEngine(tagoraScheme(client), config, {
      clock,
      fetch,
      logger,
      secret: () => Promise.resolve(password),
    })
    await engine.connect()
    expect(engine.status()).toMatchObject({
      phase: 'connected',
      lifetimeSource: 'jwt-exp',
      renewal: 'refresh-token',
    })
    const devices = await engine.request({ method: 'GET', path: '/devices?limit=1' })
    expect(devices.status).toBe(200)
    const before = engine.status().expiresAt ?? 0
    clock.advance((engine.status().nextRenewalAt ?? 0) - clock.now() + 1000)
    const deadline = Date.now() + 5000
    while (
      (engine.status().lastRenewedAt === null || engine.status().phase !== 'connected') &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(engine.status().lastRenewedAt).not.toBeNull()
    expect(engine.status().expiresAt).toBeGreaterThan(before)
    expect((await engine.request({ method: 'GET', path: '/devices?limit=1' })).status).toBe(200)
    engine.dispose()
  })
})
