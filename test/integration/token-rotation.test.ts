import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dispatchCall } from '../../core/app/dispatch-call'
import type { FleetApp } from '../../core/app/fleet-app'
import { silentLogger } from '../../core/logging/logger'
import { FakeClock } from '../fakes/fake-clock'
import { savedSignInAccount } from '../../core/session/saved-sign-in'
import { RENEW_LEAD_MS } from '../../core/tokens/renewal-plan'
import { TagoraApiError } from '../../core/tagora/tagora-api-error'
import { createTagoraClient } from '../../core/tagora/tagora-client'
import type { Simulator } from '../../tools/simulator/simulator'
import { startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const VEHICLES = 3

/** Advances the fake clock to just past the session's scheduled renewal (2 minutes before exp). */
function advanceToRenewal(app: FleetApp, clock: FakeClock): void {
  const expiresAt = app.session.state().accessExpiresAt
  if (expiresAt === null) throw new Error('no access token to renew')
  clock.advance(expiresAt - RENEW_LEAD_MS - clock.now() + 1_000)
}

// FleetApp runs on a fake clock and the simulator's clock follows it, so a five-minute token is
// renewed without waiting: only the HTTP round trips take real time.
describe('renewToken rotation through FleetApp and the simulator', () => {
  const clock = new FakeClock(Date.now())
  let sim: Simulator
  let t: TestApp
  let account: string

  beforeAll(async () => {
    // Five minutes: long enough for the documented 2-minute lead, short enough to advance through quickly.
    sim = await startTestSimulator({ vehicles: VEHICLES, accessTokenTtlSec: 300, now: () => clock.now() })
    t = await startTestApp({ apiUrl: sim.apiBaseUrl, clock })
    account = savedSignInAccount(sim.apiBaseUrl, sim.credentials.email)
  })
  afterAll(async () => {
    await t.close()
    await sim.close()
  })

  it('renews with a rotated renewToken, refuses the old one, and keeps the session working', async () => {
    const { app, secrets } = t
    await app.handlers['session:sign-in']({ ...sim.credentials, remember: true })
    await vi.waitFor(() => expect(app.devices.state()).toMatchObject({ phase: 'idle', fetched: VEHICLES }))
    const original = await secrets.get(account)
    expect(original).toMatch(/^rt_/)
    const firstExpiry = app.session.state().accessExpiresAt ?? 0

    advanceToRenewal(app, clock)
    await vi.waitFor(async () => expect(await secrets.get(account)).not.toBe(original), { timeout: 5_000 })
    const rotated = await secrets.get(account)
    expect(rotated).toMatch(/^rt_/)
    expect(secrets.writes.map((w) => w.secret)).toEqual([original, rotated])
    const renewed = app.session.state()
    expect(renewed).toMatchObject({ phase: 'signed-in', lastRenewalProblem: null, signedOut: null })
    expect(renewed.accessExpiresAt ?? 0).toBeGreaterThan(firstExpiry)

    // The session keeps working on the new access token.
    const refreshed = await dispatchCall(app.handlers, 'devices:refresh', undefined, silentLogger)
    expect(refreshed).toMatchObject({ ok: true, value: { phase: 'idle', fetched: VEHICLES, problem: null } })

    // The simulator refuses the rotated-out renewToken, with a request id.
    const client = createTagoraClient({ baseUrl: sim.apiBaseUrl, logger: silentLogger })
    const refusal = await client.renew(original ?? '').then(
      () => null,
      (e: unknown) => e,
    )
    expect(refusal).toBeInstanceOf(TagoraApiError)
    expect(refusal).toMatchObject({ status: 401, code: 'unauthorized', serverCode: 'invalid_token' })
    expect((refusal as TagoraApiError).serverMessage).toContain('already used')
    expect((refusal as TagoraApiError).requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('ends the session at the next renewal, because reusing a rotated token revoked the chain', async () => {
    const { app, secrets } = t
    expect(app.session.state().phase).toBe('signed-in')
    advanceToRenewal(app, clock)
    await vi.waitFor(() => expect(app.session.state().phase).toBe('signed-out'), { timeout: 5_000 })
    const state = app.session.state()
    expect(state).toMatchObject({ signedOut: { code: 'renewal-refused' }, email: sim.credentials.email })
    expect(state.signedOut?.problem.requestId).toMatch(/^[0-9a-f-]{36}$/)
    // A refused sign-in is forgotten, and the fleet is cleared for whoever signs in next.
    expect(await secrets.get(account)).toBeNull()
    expect(app.devices.devices()).toEqual([])
    expect(app.telemetry.telemetry.size).toBe(0)
  })
})
