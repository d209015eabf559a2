import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../core/app/dispatch-call'
import type { FleetApp } from '../../core/app/fleet-app'
import { silentLogger } from '../../core/logging/logger'
import { TagoraApiError } from '../../core/tagora/tagora-api-error'
import type { Simulator } from '../../tools/simulator/simulator'
import { startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** POST /webhook straight through the signed-in session, skipping the app's own URL check. */
function registerRaw(app: FleetApp, postUrl: string) {
  const { organizationId, userId } = app.session.claims()
  if (organizationId === null || userId === null) throw new Error('no id claims in the session')
  return app.session.authorized((token, client) =>
    client.registerWebhook(token, { organizationId, userId, postUrl, name: 'url rule' }),
  )
}

describe('the simulator applies the API’s postUrl rule (no loopback allowance outside the demo)', () => {
  let sim: Simulator
  let t: TestApp

  beforeAll(async () => {
    sim = await startTestSimulator({ vehicles: 2 })
    t = await startTestApp({ apiUrl: sim.apiBaseUrl })
    await t.app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
  })
  afterAll(async () => {
    await t.close()
    await sim.close()
  })

  it.each([
    ['plain http to the local listener', 'http://127.0.0.1:8787/tagora/events'],
    ['https to a private IPv4', 'https://192.168.1.20/tagora/events'],
    ['https to 10/8', 'https://10.0.0.5:8443/hook'],
    ['https to IPv6 loopback', 'https://[::1]/hook'],
    ['https to localhost', 'https://localhost/hook'],
    ['plain http to a public name', 'http://fleet.example.com/hook'],
  ])('rejects %s with 422 and a request id', async (_label, postUrl) => {
    const error = await registerRaw(t.app, postUrl).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(TagoraApiError)
    expect(error).toMatchObject({
      status: 422,
      code: 'validation',
      call: 'POST /webhook',
      serverCode: 'invalid_post_url',
    })
    const requestId = (error as TagoraApiError).requestId
    expect(requestId).toMatch(UUID)
    expect((error as TagoraApiError).message).toContain(`(request ${requestId})`)
    expect(sim.fleet.webhooks()).toEqual([])
    // A refused registration is not a session problem.
    expect(t.app.session.state().phase).toBe('signed-in')
  })

  it('refuses a private URL in the app before sending, and accepts a public https one', async () => {
    const refused = await dispatchCall(
      t.app.handlers,
      'webhooks:register',
      { name: 'desk', postUrl: 'https://192.168.1.20/tagora/events' },
      silentLogger,
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'post-url-private-ip' } })
    expect(sim.fleet.webhooks()).toEqual([])

    const accepted = await registerRaw(t.app, 'https://fleet.example.com/tagora/events')
    expect(accepted.data).toMatchObject({
      keyAlgorithm: 'ed25519',
      isActive: true,
      postUrl: 'https://fleet.example.com/tagora/events',
    })
    expect(sim.fleet.webhooks().map((w) => w.webhookId)).toEqual([accepted.data.webhookId])
  })
})
