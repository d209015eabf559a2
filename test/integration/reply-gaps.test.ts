import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FleetApp } from '../../core/app/fleet-app'
import type { Simulator } from '../../tools/simulator/simulator'
import { listenerUrl, startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

/**
 * Replies that differ from the document's example, made by the simulator's fault switches and read
 * through the whole app: the webhook's 201 with gaps or isActive:false, and a devices page with one
 * malformed row.
 */
let sim: Simulator | null = null
let running: TestApp | null = null
afterEach(async () => {
  await running?.close()
  running = null
  await sim?.close()
  sim = null
})

async function signedIn(options: {
  vehicles: number
  devices?: number
}): Promise<{ app: FleetApp; sim: Simulator }> {
  const simulator = await startTestSimulator({ ...options, allowLoopbackWebhooks: true })
  sim = simulator
  running = await startTestApp({ apiUrl: simulator.apiBaseUrl })
  const { app } = running
  await app.handlers['session:sign-in']({ ...simulator.credentials, remember: false })
  await vi.waitFor(() => expect(app.devices.state().lastSyncedAt).not.toBeNull(), { timeout: 20_000 })
  return { app, sim: simulator }
}

function stats(app: FleetApp): { accepted: number; badSignature: number } {
  const state = app.telemetry.listenerState()
  return { accepted: state.accepted, badSignature: state.rejected['bad-signature'] ?? 0 }
}

describe('a webhook 201 with gaps, through FleetApp', () => {
  it('keeps a webhook whose 201 has no isActive or keyAlgorithm, and verifies its deliveries', async () => {
    const { app, sim } = await signedIn({ vehicles: 3 })
    sim.faults.setWebhookReply({ omit: ['isActive', 'keyAlgorithm'] })
    const view = await app.webhooks.register({ name: 'gaps', postUrl: listenerUrl(app), demo: true })
    expect(view).toMatchObject({ keyAlgorithm: 'ed25519', isActive: null, keyProblem: null })
    expect(app.snapshot().webhooks.webhooks[0]?.unstated).toEqual(['keyAlgorithm', 'isActive'])
    expect(await sim.tick()).toMatchObject({ events: 3, delivered: 3, failedPosts: 0 })
    await vi.waitFor(() => expect(stats(app).accepted).toBe(3))
  })

  it('shows a webhook Tagora says is inactive and refuses deliveries signed with its key', async () => {
    const { app, sim } = await signedIn({ vehicles: 3 })
    sim.faults.setWebhooksCreatedInactive(true)
    const view = await app.webhooks.register({ name: 'inactive', postUrl: listenerUrl(app), demo: true })
    expect(view).toMatchObject({ isActive: false, keyProblem: 'inactive' })
    expect(app.snapshot().webhooks.webhooks[0]).toMatchObject({ isActive: false, keyProblem: 'inactive' })
    // Tagora turns it on later without telling us (no endpoint would): the desk still refuses its key.
    sim.fleet.setWebhookActive(view.webhookId, true)
    const tick = await sim.tick()
    // One signed POST carries the tick's three events: it is refused whole.
    expect(tick).toMatchObject({ events: 3, delivered: 0, failedPosts: 1 })
    expect(stats(app)).toEqual({ accepted: 0, badSignature: 1 })
    for (const device of app.devices.devices()) {
      expect(app.telemetry.telemetry.detail(device.assetId)).toMatchObject({ lat: null })
    }
  })

  it('refuses deliveries signed with a key said to be for another algorithm', async () => {
    const { app, sim } = await signedIn({ vehicles: 2 })
    sim.faults.setWebhookReply({ values: { keyAlgorithm: 'rsa-sha256' } })
    const view = await app.webhooks.register({ name: 'rsa', postUrl: listenerUrl(app), demo: true })
    expect(view.keyProblem).toBe('unsupported-algorithm')
    expect(await sim.tick()).toMatchObject({ events: 2, delivered: 0, failedPosts: 1 })
    expect(stats(app)).toEqual({ accepted: 0, badSignature: 1 })
  })
})

describe('a devices page with a malformed row, through FleetApp', () => {
  it('skips the row, counts it in the sync state, and keeps the rest', async () => {
    const simulator = await startTestSimulator({ vehicles: 0, devices: 8 })
    sim = simulator
    simulator.faults.setDevicesMalformedAt(0, 'bad-row')
    running = await startTestApp({ apiUrl: simulator.apiBaseUrl })
    const { app } = running
    await app.handlers['session:sign-in']({ ...simulator.credentials, remember: false })
    await vi.waitFor(() => expect(app.devices.state().lastSyncedAt).not.toBeNull())
    expect(app.devices.state()).toMatchObject({
      phase: 'idle',
      problem: null,
      fetched: 7,
      skipped: { count: 1, first: { position: 0, field: 'assetId', problem: 'missing' } },
    })
    expect(app.devices.devices()).toHaveLength(7)
    expect(app.snapshot().deviceSync.skipped?.count).toBe(1)
  })

  it('keeps a row with nulls in every field but assetId, named by its assetId', async () => {
    const simulator = await startTestSimulator({ vehicles: 0, devices: 4 })
    sim = simulator
    simulator.faults.setDevicesMalformedAt(0, 'null-fields')
    running = await startTestApp({ apiUrl: simulator.apiBaseUrl })
    const { app } = running
    await app.handlers['session:sign-in']({ ...simulator.credentials, remember: false })
    await vi.waitFor(() => expect(app.devices.state().lastSyncedAt).not.toBeNull())
    expect(app.devices.state().skipped).toBeUndefined()
    const first = simulator.fleet.devices()[0]
    expect(app.devices.devices().find((device) => device.assetId === first?.assetId)).toMatchObject({
      deviceName: first?.assetId,
      deviceId: first?.assetId,
      serial: '',
    })
  })

  it('pages on by the rows received when the second page had a malformed row', async () => {
    // The app asks for 10,000 devices a page: the malformed row opens the second page.
    const { app } = await signedIn({ vehicles: 0, devices: 10_005 })
    expect(app.devices.devices()).toHaveLength(10_005)
    sim?.faults.setDevicesMalformedAt(10_000, 'bad-row')
    const state = await app.handlers['devices:refresh']()
    expect(state).toMatchObject({
      phase: 'idle',
      fetched: 10_004,
      skipped: { count: 1, first: { position: 10_000 } },
      lastChange: { added: 0, removed: 1 },
    })
  })
})
