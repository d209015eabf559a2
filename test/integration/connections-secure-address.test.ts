import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dispatchCall } from '../../core/app/dispatch-call'
import { FleetApp } from '../../core/app/fleet-app'
import { connectionAccount } from '../../core/connections/connection-secrets'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { noPowerEvents } from '../../core/ports/power-events'
import { savedSignInAccount } from '../../core/session/saved-sign-in'
import type { FakeServer } from '../fakes/fake-http'
import { startFakeServer } from '../fakes/fake-http'
import { MemorySecretStore } from '../fakes/fake-secret-store'

// Issue 13 point 6: the Tagora API URL and vendor base URLs are https, or plain http to this computer.
// A settings file from an older version may still hold a plain-http address: it loads, and the app
// refuses to send any password, token or key there, saying so with the shared sentence.

const EMAIL = 'dispatch@example.com'
const INSECURE_API = 'http://tagora.example.com:4010/integration/v1'
const INSECURE_VENDOR = 'http://video.example.com:4011'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Every URL the app fetched, while the real fetch still runs. */
function watchFetch(): string[] {
  const urls: string[] = []
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    urls.push(input instanceof Request ? input.url : String(input))
    return realFetch(input, init)
  })
  return urls
}

/** A FleetApp on a data folder whose settings.json says `settings` (no TAGORA_API_URL). */
async function startApp(settings: object, secrets = new MemorySecretStore()): Promise<FleetApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fleet-secure-address-'))
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, ...settings }))
  const app = new FleetApp({
    dataDir,
    host: 'web',
    listenerPortOverride: 0,
    secretStore: secrets,
    powerEvents: noPowerEvents,
    clock: systemClock,
    logger: silentLogger,
  })
  cleanups.push(async () => {
    await app.stop()
    app.session.dispose()
    await rm(dataDir, { recursive: true, force: true })
  })
  await app.start()
  return app
}

const refusal = { code: 'insecure-url' }

describe('a settings file that holds a plain-http address to another computer', () => {
  it('still loads, and signing in there sends nothing and says why (the code alone: said in any language)', async () => {
    const urls = watchFetch()
    const app = await startApp({ apiUrl: INSECURE_API })
    expect(app.snapshot()).toMatchObject({ notice: null, settings: { apiUrl: INSECURE_API } })
    const outcome = await dispatchCall(
      app.handlers,
      'session:sign-in',
      { email: EMAIL, password: 'the-password', remember: true },
      silentLogger,
    )
    expect(outcome).toEqual({ ok: false, error: refusal })
    expect(app.session.state().phase).toBe('signed-out')
    expect(urls).toEqual([])
  })

  it('does not send a saved sign-in there at start-up', async () => {
    const urls = watchFetch()
    const secrets = new MemorySecretStore()
    await secrets.set(savedSignInAccount(INSECURE_API, EMAIL), 'rt-saved-renew-token')
    const app = await startApp({ apiUrl: INSECURE_API, lastEmail: EMAIL }, secrets)
    expect(app.session.state()).toMatchObject({ phase: 'signed-out', signedOut: { code: 'restore-failed' } })
    expect(urls).toEqual([])
  })

  it('does not send a vendor key there: start-up sign-in and Test are refused before any request', async () => {
    const urls = watchFetch()
    const secrets = new MemorySecretStore()
    await secrets.set(connectionAccount('v8', 'api-key'), 'eght-stored-key')
    const stored = { id: 'v8', name: 'Video desk', scheme: '8x8-video', baseUrl: INSECURE_VENDOR }
    const app = await startApp({ connections: [stored] }, secrets)
    const outcome = await dispatchCall(app.handlers, 'connections:test', { id: 'v8' }, silentLogger)
    expect(outcome).toEqual({ ok: false, error: refusal })
    const [entry] = await app.handlers['connections:list']()
    expect(entry?.status).toMatchObject({ phase: 'needs-attention', lastProblem: { error: refusal } })
    expect(urls).toEqual([])
  })
})

describe('every change goes through the same rule', () => {
  it('settings:set-api-url refuses plain http to another computer; takes https and loopback', async () => {
    const app = await startApp({})
    const set = (apiUrl: string) =>
      dispatchCall(app.handlers, 'settings:set-api-url', { apiUrl }, silentLogger)
    expect(await set('http://tagora.example.com/integration/v1')).toEqual({
      ok: false,
      error: { code: 'needs-https' },
    })
    expect(app.settings.get().apiUrl).toBe('https://integration.tagora.com.mx/integration/v1')
    expect(await set('http://127.0.0.1:4010/integration/v1')).toMatchObject({ ok: true })
    expect(await set('https://tagora.example.com/integration/v1')).toMatchObject({ ok: true })
    expect(app.settings.get().apiUrl).toBe('https://tagora.example.com/integration/v1')
  })

  it('connections:save refuses a plain-http base URL and a path override that leaves the server', async () => {
    const app = await startApp({})
    const save = (config: object) =>
      dispatchCall(app.handlers, 'connections:save', { config, secret: 'eght-key' }, silentLogger)
    const config = { id: 'v8', name: 'Video desk', scheme: '8x8-video', baseUrl: 'https://video.example.com' }
    expect(await save({ ...config, baseUrl: INSECURE_VENDOR })).toEqual({
      ok: false,
      error: { code: 'needs-https' },
    })
    expect(
      await save({ ...config, overrides: { paths: { tokens: '//evil.example.com/api/v1/tokens' } } }),
    ).toEqual({ ok: false, error: { code: 'leaves-server' } })
    expect(await app.handlers['connections:list']()).toEqual([])
  })
})

/** This machine's first non-loopback IPv4 address, where a server bound to all interfaces answers. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address

describe.runIf(lanAddress !== undefined)('against a real server at a non-loopback address', () => {
  async function countingServer(): Promise<FakeServer> {
    const server = await startFakeServer(
      () => ({ status: 401, body: { error: { code: 'invalid_credentials', message: 'no' } } }),
      Date.now,
      { listen: '0.0.0.0', host: lanAddress ?? '' },
    )
    cleanups.push(() => server.close())
    return server
  }

  it('a sign-in to it over plain http never arrives; the same server over loopback does get it', async () => {
    const server = await countingServer()
    const signIn = (app: FleetApp) =>
      dispatchCall(
        app.handlers,
        'session:sign-in',
        { email: EMAIL, password: 'pw', remember: false },
        silentLogger,
      )
    const remote = await startApp({ apiUrl: `${server.url}/integration/v1` })
    expect(await signIn(remote)).toEqual({ ok: false, error: refusal })
    expect(server.requests).toHaveLength(0)

    // The control: the test would see a request if one were sent.
    const port = new URL(server.url).port
    const local = await startApp({ apiUrl: `http://127.0.0.1:${port}/integration/v1` })
    expect(await signIn(local)).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } })
    expect(server.requests.length).toBeGreaterThan(0)
  })
})
