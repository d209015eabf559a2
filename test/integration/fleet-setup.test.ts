import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventName } from '../../shared/ipc/contract'
import { FleetApp } from '../../core/app/fleet-app'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import type { Simulator } from '../../tools/simulator/simulator'
import { startTestSimulator } from '../support/app-kit'
import { MemorySecretStore } from '../fakes/fake-secret-store'

let sim: Simulator
let app: FleetApp | null = null
afterEach(async () => {
  await app?.stop()
  app = null
  await sim.close()
})

async function startApp(devices: number) {
  sim = await startTestSimulator({ vehicles: 0, devices })
  const resume: Array<() => void> = []
  app = new FleetApp({
    dataDir: await mkdtemp(join(tmpdir(), 'fleet-setup-')),
    host: 'web',
    apiUrlOverride: sim.apiBaseUrl,
    listenerPortOverride: 0,
    secretStore: new MemorySecretStore(),
    powerEvents: { onResume: (fn) => (resume.push(fn), () => undefined) },
    clock: systemClock,
    logger: silentLogger,
  })
  const events: EventName[] = []
  app.hub.add({ send: (name) => void events.push(name), isBackedUp: () => false })
  await app.start()
  const { email, password } = sim.credentials
  await app.handlers['session:sign-in']({ email, password, remember: false })
  return { app, events, resume: () => resume.forEach((fn) => fn()) }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('fleet setup flows (FleetApp against the simulator)', () => {
  it('syncs after sign-in, again on resume (reconnect), and reports added devices', async () => {
    const { app, resume } = await startApp(12)
    await until(() => app.devices.devices().length === 12)
    sim.fleet.addDevices(3)
    resume()
    await until(() => app.devices.devices().length === 15)
    expect(app.devices.state().lastChange).toEqual({ added: 3, removed: 0 })
  })

  it('cancels a running sync on sign-out and forgets the list', async () => {
    const { app } = await startApp(12)
    await until(() => app.devices.devices().length === 12)
    sim.faults.setLatency(1500)
    const running = app.handlers['devices:refresh']()
    await until(() => app.devices.state().phase === 'syncing')
    await app.handlers['session:sign-out']()
    const state = await running
    expect(state).toMatchObject({ phase: 'idle', problem: null })
    expect(app.devices.devices()).toEqual([])
    expect(app.snapshot().devices).toEqual([])
  })

  it('uses the configured status filter and keeps the period in settings', async () => {
    const { app } = await startApp(6)
    await until(() => app.devices.state().lastSyncedAt !== null)
    const settings = await app.handlers['settings:set-device-sync']({
      refreshMinutes: 15,
      statusFilter: 'active',
    })
    expect(settings.deviceSync).toEqual({ refreshMinutes: 15, statusFilter: 'active' })
    const state = await app.handlers['devices:refresh']()
    expect(state.statusFilter).toBe('active')
  })

  it('registers a webhook, fetches its scope and flags devices outside it', async () => {
    const { app, events } = await startApp(8)
    await until(() => app.devices.devices().length === 8)
    const view = await app.handlers['webhooks:register']({
      name: 'desk',
      postUrl: 'https://fleet.example.com/tagora/events',
    })
    sim.fleet.setWebhookScope(
      view.webhookId,
      app.devices
        .devices()
        .slice(0, 5)
        .map((device) => device.assetId),
    )
    const state = await app.handlers['webhooks:refresh-scopes']()
    expect(state.outOfScopeAssetIds).toHaveLength(3)
    expect(app.snapshot().webhooks.webhooks[0]?.scope.deviceCount).toBe(5)
    expect(events).toContain('webhooks:state')
    await expect(app.handlers['webhooks:get-scope']({ webhookId: 'unknown' })).rejects.toMatchObject({
      code: 'unknown-webhook',
    })
  })

  it('sends a large device list in slices, and keeps the snapshot small', async () => {
    const { app, events } = await startApp(12_000)
    await until(() => app.devices.devices().length === 12_000, 20_000)
    expect(events.filter((name) => name === 'devices:list-part')).toHaveLength(3)
    expect(app.snapshot().devices).toEqual([])
  })
})
