import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeviceSync } from '../../core/devices/device-sync'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { createTagoraClient } from '../../core/tagora/tagora-client'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'

const FLEET = 100_000
let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ vehicles: 0, devices: FLEET, autoTick: false })
}, 60_000)
afterAll(() => sim.close())

describe('device sync at 100,000 devices (real HTTP, simulator)', () => {
  it('fetches every page with the documented limit, reports progress, and takes seconds, not minutes', async () => {
    const client = createTagoraClient({ baseUrl: sim.apiBaseUrl, logger: silentLogger, timeoutMs: 60_000 })
    const token = (await client.login(sim.credentials)).data.accessToken
    const sync = new DeviceSync({
      session: { authorized: (run) => run(token, client) },
      logger: silentLogger,
      clock: systemClock,
    })
    const progress: number[] = []
    sync.onChange((_devices, state) => progress.push(state.fetched))
    const started = performance.now()
    const state = await sync.refresh()
    const seconds = (performance.now() - started) / 1000
    console.info(`device sync of ${FLEET} devices took ${seconds.toFixed(2)} s`)
    expect(state).toMatchObject({ phase: 'idle', fetched: FLEET, lastChange: { added: FLEET, removed: 0 } })
    expect(new Set(sync.devices().map((device) => device.assetId)).size).toBe(FLEET)
    expect(progress).toContain(50_000)
    expect(seconds).toBeLessThan(30)
  }, 90_000)
})
