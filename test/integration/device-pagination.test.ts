import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Simulator } from '../../tools/simulator/simulator'
import { startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const DEVICES = 25_000

/**
 * Records every GET /devices the app sends through the real fetch. Installed before sign-in: the
 * Tagora client takes its fetch when the session creates it.
 */
function spyOnDevicePages(): { since: () => () => URLSearchParams[] } {
  const spy = vi.spyOn(globalThis, 'fetch')
  const pages = (): URLSearchParams[] =>
    spy.mock.calls
      .map(([input]) => new URL(input instanceof Request ? input.url : String(input)))
      .filter((url) => url.pathname.endsWith('/devices'))
      .map((url) => url.searchParams)
  return {
    since: () => {
      const mark = pages().length
      return () => pages().slice(mark)
    },
  }
}

describe('device sync pages through a fleet larger than one page', () => {
  let sim: Simulator
  let t: TestApp
  let spy: ReturnType<typeof spyOnDevicePages>

  beforeAll(async () => {
    spy = spyOnDevicePages()
    sim = await startTestSimulator({ vehicles: 5, devices: DEVICES })
    t = await startTestApp({ apiUrl: sim.apiBaseUrl })
  })

  afterAll(async () => {
    vi.restoreAllMocks()
    await t.close()
    await sim.close()
  })

  it(`lists all ${DEVICES} devices in pages of at most 10000`, async () => {
    const pagesSent = spy.since()
    await t.app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    await vi.waitFor(
      () => {
        expect(t.app.devices.state()).toMatchObject({ phase: 'idle', fetched: DEVICES, problem: null })
      },
      { timeout: 15_000, interval: 50 },
    )
    const listed = t.app.devices.devices()
    expect(listed).toHaveLength(DEVICES)
    expect(new Set(listed.map((d) => d.deviceId)).size).toBe(DEVICES)
    const expected = new Set(sim.fleet.devices().map((d) => d.assetId))
    expect(listed.every((d) => expected.has(d.assetId))).toBe(true)
    // Both ends of the list made it (no page lost at the start or the tail).
    expect(listed.map((d) => d.serial)).toEqual(expect.arrayContaining(['GT06-000001', 'GT06-025000']))

    const pages = pagesSent()
    expect(pages.map((p) => Number(p.get('limit')))).toEqual([10_000, 10_000, 10_000, 10_000])
    expect(pages.map((p) => Number(p.get('offset')))).toEqual([0, 10_000, 20_000, 25_000])
    expect(pages.every((p) => !p.has('status'))).toBe(true)
    // Every known device is a map slot (no-fix until it reports).
    expect(t.app.telemetry.telemetry.size).toBe(DEVICES)
  })

  it('sends the status filter from settings on every page and keeps only active devices', async () => {
    const active = sim.fleet.devices().filter((d) => d.status === 'active')
    // The simulator parks one in five extra devices as inactive: the filter must have something to drop.
    expect(active.length).toBeGreaterThan(10_000)
    expect(active.length).toBeLessThan(DEVICES)
    await t.app.handlers['settings:set-device-sync']({ statusFilter: 'active' })
    const pagesSent = spy.since()
    const state = await t.app.handlers['devices:refresh']()
    expect(state).toMatchObject({
      phase: 'idle',
      fetched: active.length,
      problem: null,
      statusFilter: 'active',
    })
    const listed = t.app.devices.devices()
    expect(listed).toHaveLength(active.length)
    expect(listed.every((d) => d.status === 'active')).toBe(true)
    expect(new Set(listed.map((d) => d.deviceId))).toEqual(new Set(active.map((d) => d.deviceId)))
    const pages = pagesSent()
    expect(pages.length).toBe(Math.ceil(active.length / 10_000) + 1)
    expect(pages.every((p) => p.get('status') === 'active' && Number(p.get('limit')) <= 10_000)).toBe(true)
    // The devices the filter dropped leave the list.
    expect(state.lastChange).toEqual({ added: 0, removed: DEVICES - active.length })
  })
})
