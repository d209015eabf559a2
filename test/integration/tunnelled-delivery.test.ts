import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FleetApp } from '../../core/app/fleet-app'
import type { Simulator } from '../../tools/simulator/simulator'
import { startTunnelStandIn, TUNNEL_CA, TUNNEL_HOST } from '../support/tunnel-stand-in'
import type { TunnelStandIn } from '../support/tunnel-stand-in'
import { listenerUrl, startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

// The field's route, not the simulator's shortcut: Tagora → https://desk3.example.net (a tunnel that
// keeps the public Host and path and adds X-Forwarded-*) → the desk's listener on 127.0.0.1.
const VEHICLES = 4

describe('deliveries through a tunnel', () => {
  let sim: Simulator
  let tunnel: TunnelStandIn
  let desk: TestApp
  let app: FleetApp

  beforeAll(async () => {
    sim = await startTestSimulator({
      vehicles: VEHICLES,
      network: { resolve: (host) => (host === TUNNEL_HOST ? '127.0.0.1' : undefined), ca: TUNNEL_CA },
    })
    desk = await startTestApp({ apiUrl: sim.apiBaseUrl })
    app = desk.app
    tunnel = await startTunnelStandIn({ targetPort: Number(new URL(listenerUrl(app)).port) })
    await app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    await vi.waitFor(() => expect(app.devices.devices()).toHaveLength(VEHICLES), { timeout: 5_000 })
  })

  afterAll(async () => {
    await tunnel.close()
    await desk.close()
    await sim.close()
  })

  function positioned(): number {
    return app.devices.devices().filter((d) => app.telemetry.telemetry.detail(d.assetId)?.lat != null).length
  }

  it("accepts, verifies and shows what arrives with the public Host and the postUrl's path", async () => {
    const postUrl = `https://${TUNNEL_HOST}:${tunnel.port}/tagora/events`
    await app.handlers['webhooks:register']({ name: 'Desk 3', postUrl })
    const tick = await sim.tick()
    expect(tick).toMatchObject({ events: VEHICLES, delivered: VEHICLES, failedPosts: 0 })
    expect(tunnel.forwarded).toBeGreaterThan(0)
    await vi.waitFor(() => expect(positioned()).toBe(VEHICLES), { timeout: 3_000 })
    const listener = app.telemetry.listenerState()
    expect(listener.accepted).toBe(VEHICLES)
    expect(listener.rejected).toEqual({})
    const [record] = app.telemetry.recentRawEvents()
    expect(record?.forwarded).toMatchObject({
      'x-forwarded-proto': 'https',
      'x-forwarded-host': `${TUNNEL_HOST}:${tunnel.port}`,
    })
  })

  it('refuses a Host no webhook names, even at the right path (DNS rebinding)', async () => {
    const response = await fetch(listenerUrl(app).replace('127.0.0.1', 'localhost'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    // localhost is the listener's own name: it passes the Host check and fails for the signature.
    expect(response.status).toBe(401)
    const before = app.telemetry.listenerState().rejected['bad-host'] ?? 0
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      const req = request(
        listenerUrl(app),
        { method: 'POST', headers: { host: 'rebind.attacker.example', 'content-type': 'application/json' } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.end('{}')
    })
    expect(status).toBe(421)
    expect(app.telemetry.listenerState().rejected['bad-host']).toBe(before + 1)
  })
})
