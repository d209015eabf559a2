import { createServer } from 'node:net'
import type { AddressInfo, Server } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../core/app/dispatch-call'
import { silentLogger } from '../../core/logging/logger'
import { TagoraApiError } from '../../core/tagora/tagora-api-error'
import { describe as describeError } from '../../shared/errors/describe'
import type { Simulator } from '../../tools/simulator/simulator'
import { freePort, startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const open: TestApp[] = []
afterEach(async () => {
  for (const t of open.splice(0)) await t.close()
})

async function app(apiUrl: string, listenerPort?: number): Promise<TestApp> {
  const t = await startTestApp({ apiUrl, ...(listenerPort !== undefined && { listenerPort }) })
  open.push(t)
  return t
}

describe('sign-in failures against the simulator', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startTestSimulator({ vehicles: 2 })
  })
  afterAll(() => sim.close())

  it('a wrong password is a typed 401 with the request id; signed out, nothing stored', async () => {
    const { app: fleet, secrets } = await app(sim.apiBaseUrl)
    const input = { email: sim.credentials.email, password: 'not-the-password', remember: true }

    const thrown = await fleet.handlers['session:sign-in'](input).then(
      () => null,
      (error: unknown) => error,
    )
    expect(thrown).toBeInstanceOf(TagoraApiError)
    const error = thrown as TagoraApiError
    expect(error).toMatchObject({
      code: 'invalid-credentials',
      status: 401,
      call: 'POST /auth/login',
      serverCode: 'invalid_credentials',
    })
    expect(error.requestId).toMatch(UUID)
    expect(error.message).toContain(`(request ${error.requestId})`)

    // What crosses the contract carries the same status and request id.
    const outcome = await dispatchCall(fleet.handlers, 'session:sign-in', input, silentLogger)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error).toMatchObject({ code: 'invalid-credentials', status: 401 })
    expect(outcome.error.requestId).toMatch(UUID)
    expect(outcome.error.requestId).not.toBe(error.requestId)

    expect(fleet.session.state()).toMatchObject({
      phase: 'signed-out',
      email: sim.credentials.email,
      accessExpiresAt: null,
      organizationId: null,
    })
    expect(secrets.writes).toEqual([])
    expect(fleet.settings.get().lastEmail).toBeNull()
    expect(fleet.devices.devices()).toEqual([])

    // The right password still works afterwards: the failure left nothing half-done behind.
    const ok = await fleet.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    expect(ok.phase).toBe('signed-in')
  })

  it.each([
    // Port 9 is on fetch's blocked-port list, so it fails before connecting ("bad port").
    [
      'a blocked port',
      () => Promise.resolve('http://127.0.0.1:9/integration/v1'),
      /port is blocked for web requests/,
    ],
    [
      'a closed port',
      async () => `http://127.0.0.1:${await freePort()}/integration/v1`,
      /connection refused/,
    ],
  ])('an unreachable API URL (%s) is a clear error naming that URL', async (_label, makeUrl, reason) => {
    const apiUrl = await makeUrl()
    const { app: fleet, secrets } = await app(apiUrl)
    const outcome = await dispatchCall(
      fleet.handlers,
      'session:sign-in',
      { ...sim.credentials, remember: true },
      silentLogger,
    )
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error.code).toBe('api-unreachable')
    const words = describeError(outcome.error, 'en')
    expect(words).toContain(`Cannot reach the Tagora API at ${apiUrl}`)
    expect(words).toMatch(reason)
    expect(outcome.error.status).toBeUndefined()
    expect(fleet.session.state()).toMatchObject({ phase: 'signed-out', apiUrl })
    expect(secrets.writes).toEqual([])
  })
})

describe('listener port already in use', () => {
  let blocker: Server
  let port: number
  let sim: Simulator

  beforeAll(async () => {
    sim = await startTestSimulator({ vehicles: 2 })
    blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    port = (blocker.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()))
    await sim.close()
  })

  it('reports state error with a message, keeps the app working, and recovers on another port', async () => {
    const { app: fleet } = await app(sim.apiBaseUrl, port)
    const listener = fleet.snapshot().listener
    expect(listener).toMatchObject({ state: 'error', url: null, problem: { code: 'port-in-use' } })
    expect(describeError(listener.problem!, 'en')).toContain(`Port ${port} is already in use`)
    expect(fleet.telemetry.localUrl()).toBeNull()

    // The rest of the app is unaffected: sign-in works.
    const signedIn = await dispatchCall(
      fleet.handlers,
      'session:sign-in',
      { ...sim.credentials, remember: false },
      silentLogger,
    )
    expect(signedIn).toMatchObject({ ok: true, value: { phase: 'signed-in' } })
    // The demo needs the listener and says why it cannot start.
    const demo = await dispatchCall(fleet.handlers, 'session:start-demo', undefined, silentLogger)
    expect(demo).toMatchObject({ ok: false, error: { code: 'listener-unavailable' } })
    if (!demo.ok) expect(describeError(demo.error, 'en')).toContain('already in use')
    expect(fleet.session.state().phase).toBe('signed-in')

    // Trying the busy port again from Fleet setup is refused with the same facts and changes nothing.
    const again = await dispatchCall(fleet.handlers, 'settings:set-listener', { port }, silentLogger)
    expect(again).toMatchObject({ ok: false, error: { code: 'port-in-use', facts: { port } } })

    // Choosing another port (0: any free one) brings the listener up.
    await fleet.handlers['settings:set-listener']({ port: 0 })
    expect(fleet.telemetry.listenerState()).toMatchObject({ state: 'listening', problem: null })
    expect(fleet.telemetry.localUrl()).not.toContain(`:${port}/`)
  })

  it('a busy port chosen in Fleet setup is refused: the running listener and the saved settings stay', async () => {
    const { app: fleet } = await app(sim.apiBaseUrl, 0)
    const before = fleet.telemetry.localUrl()
    const saved = fleet.snapshot().settings.listener
    expect(before).not.toBeNull()

    const outcome = await dispatchCall(fleet.handlers, 'settings:set-listener', { port }, silentLogger)
    expect(outcome).toMatchObject({ ok: false, error: { code: 'port-in-use', facts: { port } } })
    if (!outcome.ok) expect(describeError(outcome.error, 'en')).toContain(`Port ${port} is already in use`)
    expect(fleet.telemetry.listenerState()).toMatchObject({ state: 'listening', problem: null })
    expect(fleet.telemetry.localUrl()).toBe(before)
    expect(fleet.snapshot().settings.listener).toEqual(saved)
  })
})
