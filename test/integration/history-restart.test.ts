import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FakeClock } from '../fakes/fake-clock'
import type { FleetApp } from '../../core/app/fleet-app'
import type { Simulator } from '../../tools/simulator/simulator'
import { listenerUrl, startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const VEHICLES = 4

async function signInAndListen(app: FleetApp, sim: Simulator): Promise<void> {
  await app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
  await vi.waitFor(() => expect(app.devices.devices()).toHaveLength(VEHICLES), { timeout: 5_000 })
  // Only the simulator accepts a loopback postUrl: the call the demo makes.
  await app.webhooks.register({ name: 'restart test', postUrl: listenerUrl(app), demo: true })
}

function statuses(app: FleetApp, assetIds: readonly string[]): (string | undefined)[] {
  return assetIds.map((id) => app.telemetry.telemetry.detail(id)?.status)
}

describe('a restart mid-shift', () => {
  let sim: Simulator
  const apps: TestApp[] = []

  beforeAll(async () => {
    sim = await startTestSimulator({ vehicles: VEHICLES, allowLoopbackWebhooks: true })
  })

  afterAll(async () => {
    for (const t of apps) await t.close()
    await sim.close()
  })

  it('shows every vehicle where it was last heard at once, stale until it reports again', async () => {
    const ids = sim.fleet.devices().map((d) => d.assetId)
    const first = await startTestApp({ apiUrl: sim.apiBaseUrl, history: true })
    apps.push(first)
    await signInAndListen(first.app, sim)
    await sim.tick()
    await sim.tick()
    await vi.waitFor(() => expect(statuses(first.app, ids)).toEqual(ids.map(() => 'live')))
    const lastSeen = ids.map((id) => first.app.telemetry.telemetry.detail(id))
    await first.close({ keepDataDir: true })
    apps.pop()

    const second = await startTestApp({ apiUrl: sim.apiBaseUrl, dataDir: first.dataDir, history: true })
    apps.push(second)
    await second.app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    // Seconds-old fixes, restored from the file: in place, with their time, never live.
    await vi.waitFor(() => expect(statuses(second.app, ids)).toEqual(ids.map(() => 'stale')), {
      timeout: 5_000,
    })
    for (const [i, id] of ids.entries()) {
      const restored = second.app.telemetry.telemetry.detail(id)
      expect(restored?.lat).toBeCloseTo(lastSeen[i]!.lat!, 6)
      expect(restored?.lng).toBeCloseTo(lastSeen[i]!.lng!, 6)
      expect(restored?.fixTime).toBe(lastSeen[i]!.fixTime)
    }
    const health = await second.app.handlers['history:health']()
    expect(health).toMatchObject({ state: 'ready', fixes: 2 * VEHICLES, lastError: null })

    // A new fix makes a vehicle live again, like any other.
    await vi.waitFor(() => expect(second.app.devices.devices()).toHaveLength(VEHICLES), { timeout: 5_000 })
    await second.app.webhooks.register({ name: 'again', postUrl: listenerUrl(second.app), demo: true })
    await sim.tick()
    await vi.waitFor(() => expect(statuses(second.app, ids)).toEqual(ids.map(() => 'live')))
  })

  it('keeps the alarm inbox: an alarm acknowledged before the restart is still acknowledged, by whom and why', async () => {
    const ids = sim.fleet.devices().map((d) => d.assetId)
    const clock = new FakeClock(Date.now())
    const first = await startTestApp({ apiUrl: sim.apiBaseUrl, history: true, clock })
    apps.push(first)
    await signInAndListen(first.app, sim)
    await sim.tick()
    await vi.waitFor(() => expect(statuses(first.app, ids)).toEqual(ids.map(() => 'live')))
    // Nothing arrives for minutes: every vehicle goes stale, and each raises its alarm once.
    await vi.waitFor(() => {
      clock.advance(60_000)
      expect(statuses(first.app, ids)).toEqual(ids.map(() => 'offline'))
    })
    const raised = await first.app.handlers['alarms:list']({ kind: 'stale' })
    expect(raised.map((a) => a.assetId).sort()).toEqual([...ids].sort())
    const target = raised[0]!
    await first.app.handlers['alarms:acknowledge']({
      id: target.id,
      note: '  Called the driver: flat tyre  ',
    })
    await first.close({ keepDataDir: true })
    apps.splice(apps.indexOf(first), 1)

    const second = await startTestApp({ apiUrl: sim.apiBaseUrl, dataDir: first.dataDir, history: true })
    apps.push(second)
    await second.app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    await vi.waitFor(async () =>
      expect(await second.app.handlers['alarms:list']({})).toHaveLength(2 * VEHICLES),
    )
    const after = await second.app.handlers['alarms:list']({ state: 'acknowledged' })
    expect(after).toEqual([
      expect.objectContaining({
        id: target.id,
        kind: 'stale',
        assetId: target.assetId,
        acknowledgedBy: sim.credentials.email,
        note: 'Called the driver: flat tyre',
      }),
    ])
    expect(second.app.snapshot().alarms).toEqual({ new: 2 * VEHICLES - 1, acknowledged: 1, cleared: 0 })
  })
})
