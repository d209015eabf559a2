import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { EventName, EventPayload } from '../../shared/ipc/contract'
import type { TelemetryBatch } from '../../shared/domain/telemetry'
import { dispatchCall } from '../../core/app/dispatch-call'
import { silentLogger } from '../../core/logging/logger'
import type { FleetApp } from '../../core/app/fleet-app'
import type { Simulator } from '../../tools/simulator/simulator'
import { listenerUrl, startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const VEHICLES = 6

/** Waits for the sign-in's background device sync to finish with the whole fleet. */
async function waitForDevices(app: FleetApp, count: number): Promise<void> {
  await vi.waitFor(
    () => {
      expect(app.devices.state().phase).toBe('idle')
      expect(app.devices.devices()).toHaveLength(count)
    },
    { timeout: 5_000, interval: 20 },
  )
}

function positions(app: FleetApp, assetIds: readonly string[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>()
  for (const id of assetIds) {
    const detail = app.telemetry.telemetry.detail(id)
    if (detail?.lat != null && detail.lng != null) out.set(id, [detail.lat, detail.lng])
  }
  return out
}

describe('full path through FleetApp against the simulator', () => {
  let sim: Simulator
  const apps: TestApp[] = []

  beforeAll(async () => {
    sim = await startTestSimulator({ vehicles: VEHICLES, allowLoopbackWebhooks: true, tickMs: 5_000 })
  })

  afterAll(async () => {
    for (const t of apps) await t.close()
    await sim.close()
  })

  it('signs in, syncs every device, registers a webhook to the listener, and draws moving signed telemetry', async () => {
    const simAssetIds = sim.fleet
      .devices()
      .map((d) => d.assetId)
      .sort()
    expect(simAssetIds).toHaveLength(VEHICLES)
    const t = await startTestApp({ apiUrl: sim.apiBaseUrl })
    apps.push(t)
    const app = t.app
    const localUrl = listenerUrl(app)
    expect(localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tagora\/events$/)
    const batches: TelemetryBatch[] = []
    app.hub.add({
      send<K extends EventName>(name: K, payload: EventPayload<K>) {
        if (name === 'telemetry:batch') batches.push(payload as TelemetryBatch)
      },
      isBackedUp: () => false,
    })

    // Sign in through the contract, as a renderer would.
    const outcome = await dispatchCall(
      app.handlers,
      'session:sign-in',
      { ...sim.credentials, remember: false },
      silentLogger,
    )
    expect(outcome).toMatchObject({
      ok: true,
      value: { phase: 'signed-in', email: sim.credentials.email, demo: false },
    })
    await waitForDevices(app, VEHICLES)
    expect(
      app.devices
        .devices()
        .map((d) => d.assetId)
        .sort(),
    ).toEqual(simAssetIds)
    // Known devices exist before any fix, as 'no-fix' with no position.
    for (const id of simAssetIds) {
      expect(app.telemetry.telemetry.detail(id)).toMatchObject({ status: 'no-fix', lat: null, lng: null })
    }

    // Only the simulator accepts a loopback postUrl: this is the call the demo makes.
    const view = await app.webhooks.register({ name: 'integration listener', postUrl: localUrl, demo: true })
    expect(view.keyAlgorithm).toBe('ed25519')
    expect(sim.fleet.webhooks()).toEqual([
      expect.objectContaining({ webhookId: view.webhookId, postUrl: localUrl, isActive: true }),
    ])
    await vi.waitFor(() =>
      expect(app.webhooks.state().webhooks[0]?.scope).toMatchObject({ phase: 'ok', deviceCount: VEHICLES }),
    )

    const tick1 = await sim.tick()
    expect(tick1).toEqual({ events: VEHICLES, delivered: VEHICLES, failedPosts: 0 })
    await vi.waitFor(() => expect(positions(app, simAssetIds).size).toBe(VEHICLES), { timeout: 3_000 })
    const before = positions(app, simAssetIds)
    for (const [lat, lng] of before.values()) {
      // The simulated fleet drives Mexican city streets.
      expect(lat).toBeGreaterThan(14)
      expect(lat).toBeLessThan(33)
      expect(lng).toBeGreaterThan(-118)
      expect(lng).toBeLessThan(-86)
    }

    const tick2 = await sim.tick()
    expect(tick2.delivered).toBe(VEHICLES)
    await vi.waitFor(
      () => {
        const after = positions(app, simAssetIds)
        for (const id of simAssetIds) expect(after.get(id)).not.toEqual(before.get(id))
      },
      { timeout: 3_000 },
    )
    for (const id of simAssetIds) {
      expect(app.telemetry.telemetry.trail(id)).toHaveLength(2)
      expect(app.telemetry.telemetry.detail(id)?.status).toBe('live')
    }
    const listener = app.telemetry.listenerState()
    expect(listener.accepted).toBe(2 * VEHICLES)
    expect(listener.rejected).toEqual({})

    // The renderer side receives coalesced batches naming every asset.
    await vi.waitFor(() => {
      const named = new Set(batches.flatMap((b) => b.newSlots.map((s) => s.assetId)))
      expect([...named].sort()).toEqual(simAssetIds)
    })
  })

  it('keeps a webhook registered through the contract in settings, with its scope covering the fleet', async () => {
    const t = await startTestApp({ apiUrl: sim.apiBaseUrl })
    apps.push(t)
    const app = t.app
    await app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    await waitForDevices(app, VEHICLES)
    const postUrl = 'https://fleet-tunnel.example.com/tagora/events'
    const outcome = await dispatchCall(
      app.handlers,
      'webhooks:register',
      { name: 'Dispatch desk', postUrl },
      silentLogger,
    )
    if (!outcome.ok) throw new Error(`registration failed: ${JSON.stringify(outcome.error)}`)
    const webhookId = (outcome.value as { webhookId: string }).webhookId
    expect(sim.fleet.webhooks().find((w) => w.webhookId === webhookId)).toMatchObject({
      postUrl,
      name: 'Dispatch desk',
    })
    expect(app.settings.get().webhooks).toEqual([
      expect.objectContaining({ webhookId, postUrl, apiUrl: sim.apiBaseUrl, keyAlgorithm: 'ed25519' }),
    ])
    const onDisk = JSON.parse(await readFile(join(t.dataDir, 'settings.json'), 'utf8')) as {
      webhooks: { webhookId: string }[]
    }
    expect(onDisk.webhooks.map((w) => w.webhookId)).toEqual([webhookId])
    await vi.waitFor(() =>
      expect(app.webhooks.state().webhooks.find((w) => w.webhookId === webhookId)?.scope).toMatchObject({
        phase: 'ok',
        deviceCount: VEHICLES,
      }),
    )
  })
})
