import { generateKeyPairSync, randomUUID } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FleetApp } from '../../core/app/fleet-app'
import type { Simulator } from '../../tools/simulator/simulator'
import {
  createTestWebhookKey,
  listenerUrl,
  postTelemetry,
  signBody,
  startTestApp,
  startTestSimulator,
} from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const VEHICLES = 3

/** The listener hands accepted events to the store just after answering: give that a moment. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50))

function event(assetId: string, lat: number, lng: number, at: number): Record<string, unknown> {
  return { assetId, lat, lng, speed: 31.5, heading: 90, timestamp: new Date(at).toISOString() }
}

describe('the listener refuses bad input and the store keeps its last good fix', () => {
  let sim: Simulator
  let t: TestApp
  let app: FleetApp
  let url: string
  let key: KeyObject
  let assetIds: string[]
  const t0 = Date.now() - 60_000

  beforeAll(async () => {
    sim = await startTestSimulator({ vehicles: VEHICLES, allowLoopbackWebhooks: true })
    // A webhook "registered in an earlier run" whose private key the test holds, so it can sign anything.
    const testKey = createTestWebhookKey(sim.apiBaseUrl)
    key = testKey.privateKey
    t = await startTestApp({ apiUrl: sim.apiBaseUrl, webhooks: [testKey.record] })
    app = t.app
    url = listenerUrl(app)
    await app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    await vi.waitFor(() => expect(app.devices.devices()).toHaveLength(VEHICLES), { timeout: 5_000 })
    assetIds = app.devices.devices().map((d) => d.assetId)
  })

  afterAll(async () => {
    await t.close()
    await sim.close()
  })

  it('applies a correctly signed fix (the baseline the refusals must not move)', async () => {
    const body = JSON.stringify(event(assetIds[0]!, 19.4326, -99.1332, t0))
    const response = await postTelemetry(url, body, signBody(body, key))
    expect(response).toEqual({ status: 200, json: { accepted: 1, rejected: 0 } })
    await vi.waitFor(() =>
      expect(app.telemetry.telemetry.detail(assetIds[0]!)).toMatchObject({ lat: 19.4326, lng: -99.1332 }),
    )
  })

  it('answers 401 to an unsigned POST, a wrong key and a tampered body, applying none of them', async () => {
    const moved = JSON.stringify(event(assetIds[0]!, 25.6866, -100.3161, t0 + 1_000))
    const wrongKey = generateKeyPairSync('ed25519').privateKey
    const signedOther = signBody(JSON.stringify(event(assetIds[0]!, 19.4326, -99.1332, t0 + 1_000)), key)

    const unsigned = await postTelemetry(url, moved, null)
    expect(unsigned).toMatchObject({ status: 401, json: { error: 'missing-signature' } })
    const wrong = await postTelemetry(url, moved, signBody(moved, wrongKey))
    expect(wrong).toMatchObject({ status: 401, json: { error: 'bad-signature' } })
    const tampered = await postTelemetry(url, moved, signedOther)
    expect(tampered).toMatchObject({ status: 401, json: { error: 'bad-signature' } })
    const garbage = await postTelemetry(url, moved, 'ed25519=not-a-signature')
    expect(garbage).toMatchObject({ status: 401, json: { error: 'bad-signature' } })

    await settle()
    expect(app.telemetry.telemetry.detail(assetIds[0]!)).toMatchObject({ lat: 19.4326, lng: -99.1332 })
    expect(app.telemetry.telemetry.trail(assetIds[0]!)).toHaveLength(1)
    const listener = app.telemetry.listenerState()
    expect(listener.accepted).toBe(1)
    expect(listener.rejected).toMatchObject({ 'missing-signature': 1, 'bad-signature': 3 })
  })

  it('answers 400 to malformed JSON with a valid signature and applies nothing', async () => {
    const before = app.telemetry.listenerState()
    const body = `{"assetId":"${assetIds[0]}","lat":25.68,"lng":-100.31,`
    const response = await postTelemetry(url, body, signBody(body, key))
    expect(response).toMatchObject({ status: 400, json: { error: 'bad-json' } })
    await settle()
    expect(app.telemetry.telemetry.detail(assetIds[0]!)).toMatchObject({ lat: 19.4326, lng: -99.1332 })
    const after = app.telemetry.listenerState()
    expect(after.accepted).toBe(before.accepted)
    expect(after.rejected['bad-json']).toBe(1)
  })

  it('rejects telemetry for an asset outside the device list as unknown-asset and never draws it', async () => {
    const stranger = randomUUID()
    const body = JSON.stringify([
      event(stranger, 20.6597, -103.3496, t0 + 2_000),
      event(assetIds[1]!, 20.6736, -103.344, t0 + 2_000),
    ])
    const response = await postTelemetry(url, body, signBody(body, key))
    expect(response).toEqual({ status: 200, json: { accepted: 1, rejected: 1 } })
    await vi.waitFor(() =>
      expect(app.telemetry.telemetry.detail(assetIds[1]!)).toMatchObject({ lat: 20.6736, lng: -103.344 }),
    )
    expect(app.telemetry.telemetry.detail(stranger)).toBeNull()
    const drawn = app.snapshot().telemetry.newSlots.map((s) => s.assetId)
    expect(drawn).not.toContain(stranger)
    expect(drawn).toEqual(expect.arrayContaining([assetIds[0], assetIds[1]]))
    expect(app.telemetry.telemetry.size).toBe(VEHICLES)
    expect(app.telemetry.listenerState().rejected['unknown-asset']).toBe(1)
  })

  it('refuses the simulator’s deliveries while it signs with a wrong key, and takes them once it stops', async () => {
    await app.webhooks.register({ name: 'listener', postUrl: url, demo: true })
    const before = app.telemetry.listenerState()
    const moving = assetIds[2]!
    expect(app.telemetry.telemetry.detail(moving)).toMatchObject({ status: 'no-fix', lat: null })

    sim.faults.setBadSignatures(true)
    expect(await sim.tick()).toEqual({ events: VEHICLES, delivered: 0, failedPosts: 1 })
    await settle()
    expect(app.telemetry.telemetry.detail(moving)).toMatchObject({ status: 'no-fix', lat: null })
    const refused = app.telemetry.listenerState()
    expect(refused.accepted).toBe(before.accepted)
    expect(refused.rejected['bad-signature']).toBe((before.rejected['bad-signature'] ?? 0) + 1)

    sim.faults.setBadSignatures(false)
    expect(await sim.tick()).toEqual({ events: VEHICLES, delivered: VEHICLES, failedPosts: 0 })
    await vi.waitFor(() => expect(app.telemetry.telemetry.detail(moving)?.lat).not.toBeNull())
    expect(app.telemetry.listenerState().accepted).toBe(before.accepted + VEHICLES)
  })
})
