import { startTunnelStandIn, TUNNEL_HOST } from '../support/tunnel-stand-in'
import { behindTunnel } from './desk/behind-tunnel'
import { expect, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

// Issue 15 across a restart, on the field's real route (the simulator posts through a stand-in for
// a tunnel, ticked by hand so nothing arrives unless the test says): the map is full at once, every
// vehicle stale or offline with its age, never live until it reports again; the alarm acknowledged
// before the restart is still acknowledged, with who and why.
const VEHICLES = 6

/** The listener moved to a new port with the restart: the tunnel is pointed at it, as its operator would. */
async function pointTunnelAtListener(desk: RunningDesk, tunnel: { target: { port: number } }): Promise<void> {
  await desk.setup.open()
  tunnel.target.port = Number(new URL(await desk.setup.listener.localUrlText()).port)
  await desk.setup.close()
}

test('a restart mid-shift shows the fleet at once, never live, and keeps the alarm inbox', async ({
  openDesk,
}) => {
  test.setTimeout(120_000)
  const tunnel = await startTunnelStandIn({ targetPort: 1 })
  const desk = await openDesk(behindTunnel(tunnel, { vehicles: VEHICLES, autoTick: false }))
  const { sim, devices, alerts } = desk
  await desk.login.signIn(sim.credentials)
  await expect(devices.count).toHaveAttribute('data-total', String(VEHICLES))
  await pointTunnelAtListener(desk, tunnel)
  await desk.setup.open()
  await desk.setup.webhooks.register('Desk 3', `https://${TUNNEL_HOST}:${tunnel.port}/tagora/events`)
  await desk.setup.close()
  await alerts.toggle()
  await alerts.setStaleAfter(5)
  await alerts.toggle()

  expect(await sim.tick()).toMatchObject({ events: VEHICLES, delivered: VEHICLES, failedPosts: 0 })
  await expect(devices.liveRows).toHaveCount(VEHICLES)
  const before = new Map<string, number>()
  for (const row of await devices.allRows()) before.set(await row.assetId(), await row.fixTime())
  const [first, ...others] = [...before.keys()]

  // Nothing more arrives: each vehicle goes stale and raises its alarm; one is acknowledged.
  await alerts.toggle()
  for (const id of before.keys()) await expect(alerts.entry('stale', id)).toBeVisible({ timeout: 30_000 })
  await alerts.acknowledge(alerts.entry('stale', first!), 'Depot: parked for the night')
  await expect(alerts.entry('stale', first!)).toHaveAttribute('data-state', 'acknowledged')
  await alerts.toggle()

  await desk.restartHost()
  // A new window: its screens are read from the desk again.
  const after = { devices: desk.devices, alerts: desk.alerts }
  await desk.login.signIn(sim.credentials)
  // At once, with nothing delivered since: every vehicle where it was last heard, with its age.
  await expect(after.devices.rows).toHaveCount(VEHICLES)
  await expect.poll(() => desk.map.assetCount()).toBe(VEHICLES)
  for (const row of await after.devices.allRows()) {
    expect(['stale', 'offline']).toContain(await row.status())
    expect(await row.fixTime()).toBe(before.get(await row.assetId()))
    await expect(row.age).toHaveText(/\d+ (s|min) ago/)
  }
  await expect(after.devices.liveRows).toHaveCount(0)

  await after.alerts.toggle()
  const acknowledged = after.alerts.entry('stale', first!)
  await expect(acknowledged).toHaveAttribute('data-state', 'acknowledged')
  await expect(after.alerts.acknowledgedBy(acknowledged)).toContainText(sim.credentials.email)
  await expect(after.alerts.acknowledgedBy(acknowledged)).toContainText('Depot: parked for the night')
  for (const id of others) await expect(after.alerts.entry('stale', id)).toHaveAttribute('data-state', 'new')
  await after.alerts.toggle()

  // Deliveries resume: live again, and the alarms' condition is over (acknowledged → cleared).
  await pointTunnelAtListener(desk, tunnel)
  expect(await sim.tick()).toMatchObject({ delivered: VEHICLES, failedPosts: 0 })
  await expect(after.devices.liveRows).toHaveCount(VEHICLES)
  await after.alerts.toggle()
  await after.alerts.filterState('all')
  await expect(after.alerts.entry('stale', first!)).toHaveAttribute('data-state', 'cleared')
  await expect(after.alerts.entry('stale', others[0]!)).toHaveAttribute('data-state', 'new')
})
