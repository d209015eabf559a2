import { mkdtemp } from 'node:fs/promises'
import { describe as describeError } from '../../shared/errors/describe'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Device } from '../../shared/domain/device'
import type { ScopeDevice, WebhooksState } from '../../shared/domain/webhook'
import type { WebhookRecord } from '../../shared/schemas/settings'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { silentLogger } from '../logging/logger'
import { systemClock } from '../ports/clock'
import { SettingsStore } from '../settings/settings-store'
import { decodeJwtClaims, pickIdClaim } from '../tagora/jwt'
import { createTagoraClient } from '../tagora/tagora-client'
import type { TagoraClient } from '../tagora/tagora-client'
import { WebhookService } from './webhook-service'

const PUBLIC_URL = 'https://fleet.example.com/tagora/events'

let sim: Simulator
let dir: string

beforeEach(async () => {
  sim = await startSimulator({ vehicles: 0, devices: 6, autoTick: false })
  dir = await mkdtemp(join(tmpdir(), 'fleet-webhooks-'))
})
afterEach(() => sim.close())

async function setup(options: { devices?: Device[]; claims?: boolean } = {}) {
  const client: TagoraClient = createTagoraClient({ baseUrl: sim.apiBaseUrl, logger: silentLogger })
  const login = await client.login(sim.credentials)
  const token = login.data.accessToken
  const claims = decodeJwtClaims(token)
  const devices = options.devices ?? (await client.listDevices(token, { limit: 100, offset: 0 })).data
  const settings = new SettingsStore(dir, silentLogger)
  await settings.load()
  const states: WebhooksState[] = []
  const scopeItems: ScopeDevice[][] = []
  const keyed: WebhookRecord[][] = []
  const service = new WebhookService({
    session: {
      authorized: (run) => run(token, client),
      claims: () =>
        options.claims === false
          ? { organizationId: null, userId: pickIdClaim(claims, ['userId', 'sub']) }
          : {
              organizationId: pickIdClaim(claims, ['organizationId', 'orgId']),
              userId: pickIdClaim(claims, ['userId', 'sub']),
            },
    },
    clock: systemClock,
    logger: silentLogger,
    settings,
    apiUrl: () => sim.apiBaseUrl,
    devices: () => devices,
    onChange: (state) => states.push(state),
    onScopeItems: (items) => scopeItems.push([...items]),
    onRecords: (records) => keyed.push([...records]),
  })
  return { service, settings, states, scopeItems, keyed, devices, claims }
}

describe('WebhookService', () => {
  it('registers with ids from the token, keeps the record in settings and hands its key to the listener', async () => {
    const { service, settings, keyed } = await setup()
    const view = await service.register({ name: 'Dispatch desk', postUrl: PUBLIC_URL })
    expect(view).toMatchObject({
      name: 'Dispatch desk',
      postUrl: PUBLIC_URL,
      keyAlgorithm: 'ed25519',
      demo: false,
    })
    expect(view.publicKeyPem).toContain('BEGIN PUBLIC KEY')
    const saved = settings.get().webhooks
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ webhookId: view.webhookId, apiUrl: sim.apiBaseUrl })
    expect(Date.parse(saved[0]?.createdAt ?? '')).not.toBeNaN()
    expect(keyed.at(-1)?.map((record) => record.webhookId)).toEqual([view.webhookId])
    const again = new SettingsStore(dir, silentLogger)
    expect((await again.load()).settings.webhooks[0]?.publicKeyPem).toBe(saved[0]?.publicKeyPem)
  })

  it('keeps several webhooks, and every key reaches the listener', async () => {
    const { service, keyed } = await setup()
    await service.register({ name: 'one', postUrl: PUBLIC_URL })
    await service.register({ name: 'two', postUrl: 'https://203.0.113.7/hook' })
    expect(service.records().map((record) => record.name)).toEqual(['one', 'two'])
    expect(keyed.at(-1)).toHaveLength(2)
  })

  it('falls back to the device list for the organization when the token has no org claim', async () => {
    const { service } = await setup({ claims: false })
    await expect(service.register({ name: 'x', postUrl: PUBLIC_URL })).resolves.toMatchObject({ name: 'x' })
  })

  it('uses the advanced override of the ids instead of the claims', async () => {
    // The session knows neither id here: only the override can make this registration work.
    const { service, claims } = await setup({ claims: false, devices: [] })
    await expect(
      service.register({
        name: 'override',
        postUrl: PUBLIC_URL,
        organizationId: String(claims?.organizationId),
        userId: String(claims?.userId),
      }),
    ).resolves.toMatchObject({ name: 'override' })
    expect(sim.fleet.webhooks().at(-1)).toMatchObject({ name: 'override' })
  })

  it("shows the API refusing an overridden id that is not the session's, and keeps nothing", async () => {
    const { service, settings } = await setup()
    const attempt = service.register({ name: 'wrong org', postUrl: PUBLIC_URL, organizationId: '999999' })
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden', status: 403 })
    await expect(attempt).rejects.toThrow(/must match the access token/)
    expect(settings.get().webhooks).toEqual([])
  })

  it('says what is missing when neither the token nor the device list names the organization', async () => {
    const { service } = await setup({ claims: false, devices: [] })
    await expect(service.register({ name: 'x', postUrl: PUBLIC_URL })).rejects.toMatchObject({
      code: 'missing-organization',
    })
  })

  it.each([
    ['http', 'http://fleet.example.com/hook', 'post-url-not-https'],
    ['a private IP', 'https://192.168.1.20/hook', 'post-url-private-ip'],
    ['loopback', 'https://127.0.0.1:8787/tagora/events', 'post-url-private-ip'],
    ['link-local', 'https://[fe80::1]/hook', 'post-url-private-ip'],
    ['localhost', 'https://localhost/hook', 'post-url-localhost'],
    ['not a URL', 'fleet example com', 'post-url-not-a-url'],
  ])('refuses %s before sending anything', async (_label, postUrl, code) => {
    const { service, settings } = await setup()
    await expect(service.register({ name: 'bad', postUrl })).rejects.toMatchObject({ code })
    expect(settings.get().webhooks).toEqual([])
    expect(sim.fleet.webhooks()).toEqual([])
  })

  it('shows the API rejection with its request id and keeps nothing', async () => {
    const { service, settings } = await setup()
    sim.faults.failNext({ route: 'webhook', status: 422, count: 1 })
    const error: unknown = await service.register({ name: 'x', postUrl: PUBLIC_URL }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 422 })
    expect((error as Error).message).toMatch(/request [0-9a-z-]+/i)
    expect(settings.get().webhooks).toEqual([])
  })

  it('fetches scopes, maps serials to assets, and flags devices outside every scope', async () => {
    const { service, devices, scopeItems } = await setup()
    const view = await service.register({ name: 'x', postUrl: PUBLIC_URL })
    const carried = devices.slice(0, 4).map((device) => device.assetId)
    sim.fleet.setWebhookScope(view.webhookId, carried)
    const state = await service.refreshScopes()
    expect(state.webhooks[0]?.scope).toMatchObject({ phase: 'ok', deviceCount: 4, problem: null })
    expect(state.outOfScopeAssetIds).toEqual(devices.slice(4).map((device) => device.assetId))
    expect((await service.scopeDevices(view.webhookId)).map((item) => item.assetId)).toEqual(carried)
    expect(scopeItems.at(-1)?.map((item) => item.serial)).toEqual(devices.slice(0, 4).map((d) => d.serial))
  })

  it('flags nothing while no scope is known', async () => {
    const { service } = await setup()
    expect(service.state().outOfScopeAssetIds).toBeNull()
  })

  it('reports a webhook Tagora does not know (404) with the request id, and stops counting it as cover', async () => {
    const { service, settings, devices } = await setup()
    const ghost: WebhookRecord = {
      webhookId: 'not-a-webhook',
      name: 'removed in Tagora',
      postUrl: PUBLIC_URL,
      publicKeyPem: 'x',
      keyAlgorithm: 'ed25519',
      createdAt: new Date().toISOString(),
      apiUrl: sim.apiBaseUrl,
    }
    await settings.update((s) => ({ ...s, webhooks: [ghost] }))
    const state = await service.refreshScopes()
    const scope = state.webhooks[0]?.scope
    expect(scope).toMatchObject({ phase: 'error', notFound: true })
    expect(scope?.requestId).toBeTruthy()
    expect(scope?.problem).toMatchObject({
      code: 'webhook-not-in-tagora',
      facts: { cause: { code: 'not-found' } },
    })
    expect(describeError(scope!.problem!, 'en')).toMatch(/does not know this webhook/)
    expect(state.outOfScopeAssetIds).toHaveLength(devices.length)
  })

  it('refuses the scope of a webhook the app never registered', async () => {
    const { service } = await setup()
    await expect(service.scopeDevices('nope')).rejects.toThrow(/no webhook nope/)
  })

  it('keeps the last scope when a refresh fails', async () => {
    const { service } = await setup()
    const view = await service.register({ name: 'x', postUrl: PUBLIC_URL })
    await service.refreshScopes()
    sim.faults.failNext({ route: 'scope', status: 503, count: 1 })
    const state = await service.refreshScopes()
    expect(state.webhooks[0]?.scope).toMatchObject({ phase: 'error', deviceCount: 6, notFound: false })
    expect(state.webhooks[0]?.scope.problem).toMatchObject({ code: 'server-error', status: 503 })
    expect(await service.scopeDevices(view.webhookId)).toHaveLength(6)
    expect(state.outOfScopeAssetIds).toEqual([])
    const healed = await service.refreshScopes()
    expect(healed.webhooks[0]?.scope).toMatchObject({ phase: 'ok', problem: null })
  })

  it('keeps demo webhooks in memory only and forgets them on reset', async () => {
    const { service, settings } = await setup()
    await sim.close()
    sim = await startSimulator({ vehicles: 0, devices: 2, autoTick: false, allowLoopbackWebhooks: true })
    const demo = await setup()
    await demo.service.register({ name: 'demo', postUrl: 'http://127.0.0.1:8787/tagora/events', demo: true })
    expect(demo.service.records()).toHaveLength(1)
    expect(demo.settings.get().webhooks).toEqual([])
    demo.service.reset()
    expect(demo.service.records()).toEqual([])
    expect(service.records()).toEqual([])
    expect(settings.get().webhooks).toEqual([])
  })
})

describe('WebhookService: a 201 with gaps (Tagora has created the webhook: nothing may be lost)', () => {
  it('keeps a webhook whose 201 has no isActive or keyAlgorithm, assumes ed25519, and uses its key', async () => {
    const { service, settings, keyed } = await setup()
    sim.faults.setWebhookReply({ omit: ['isActive', 'keyAlgorithm'] })
    const view = await service.register({ name: 'gaps', postUrl: PUBLIC_URL })
    expect(view).toMatchObject({
      keyAlgorithm: 'ed25519',
      isActive: null,
      keyProblem: null,
      unstated: ['keyAlgorithm', 'isActive'],
    })
    const [saved] = settings.get().webhooks
    expect(saved).toMatchObject({ webhookId: view.webhookId, unstated: ['keyAlgorithm', 'isActive'] })
    expect(saved).not.toHaveProperty('isActive')
    expect(keyed.at(-1)?.map((record) => record.webhookId)).toEqual([view.webhookId])
  })

  it('uses the postUrl it sent when the 201 has none', async () => {
    const { service, settings } = await setup()
    sim.faults.setWebhookReply({ values: { postUrl: null } })
    const view = await service.register({ name: 'no url', postUrl: PUBLIC_URL })
    expect(view).toMatchObject({ postUrl: PUBLIC_URL, unstated: ['postUrl'] })
    expect(settings.get().webhooks[0]?.postUrl).toBe(PUBLIC_URL)
  })

  it('keeps a webhook Tagora says is inactive, shows it, and marks its key unusable', async () => {
    const { service, settings } = await setup()
    sim.faults.setWebhooksCreatedInactive(true)
    const view = await service.register({ name: 'inactive', postUrl: PUBLIC_URL })
    expect(view).toMatchObject({ isActive: false, keyProblem: 'inactive', unstated: [] })
    expect(settings.get().webhooks[0]).toMatchObject({ webhookId: view.webhookId, isActive: false })
    expect(service.state().webhooks[0]).toMatchObject({ isActive: false, keyProblem: 'inactive' })
  })

  it('keeps a webhook whose key is said to be for another algorithm, marked unusable', async () => {
    const { service, settings } = await setup()
    sim.faults.setWebhookReply({ values: { keyAlgorithm: 'rsa-sha256' } })
    const view = await service.register({ name: 'rsa', postUrl: PUBLIC_URL })
    expect(view).toMatchObject({ keyAlgorithm: 'rsa-sha256', keyProblem: 'unsupported-algorithm' })
    expect(settings.get().webhooks).toHaveLength(1)
  })

  it('keeps a webhook that came without a key, so the user knows it exists', async () => {
    const { service } = await setup()
    sim.faults.setWebhookReply({ omit: ['publicKey'] })
    const view = await service.register({ name: 'keyless', postUrl: PUBLIC_URL })
    expect(view).toMatchObject({ publicKeyPem: '', keyProblem: 'no-key', unstated: ['publicKey'] })
  })

  it('refuses a 201 without a webhookId (nothing could name it), keeps nothing, and says where to look', async () => {
    const { service, settings } = await setup()
    sim.faults.setWebhookReply({ omit: ['webhookId'] })
    const refused = service.register({ name: 'nameless', postUrl: PUBLIC_URL })
    await expect(refused).rejects.toMatchObject({
      code: 'webhook-reply-unreadable',
      status: 201,
      facts: { call: 'POST /webhook', detail: expect.stringContaining('webhookId') as unknown },
    })
    await expect(refused).rejects.toThrow(/may have created this webhook.*Tagora’s panel/)
    expect(settings.get().webhooks).toEqual([])
  })

  it('takes the organization from the first device that names one', async () => {
    const { devices } = await setup()
    const nameless = devices.map((device, index) =>
      index === 0 ? { ...device, organizationId: '' } : device,
    )
    const { service } = await setup({ claims: false, devices: nameless })
    await expect(service.register({ name: 'org', postUrl: PUBLIC_URL })).resolves.toMatchObject({
      name: 'org',
    })
  })
})
