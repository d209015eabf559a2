import { startRelayBalancer } from '../support/relay-balancer'
import { NATS_MISSING, NATS_SERVER, startNatsServer } from '../support/nats-kit'
import { addDeskKey, runRelayKeys, startRelayBehind } from '../support/relay-process'
import { TUNNEL_CA, TUNNEL_HOST } from '../support/tunnel-stand-in'
import { expect, test } from './desk/desk-test'

// A dispatcher moves a desk from its own listener to the dispatch center's Fleet Relay: the relay
// (a real node on a real nats-server) carries Tagora's deliveries; the desk needs no tunnel or webhook.
test('a desk switches to the relay: a refused key changes nothing, the right one brings the fleet, a revoked one is refused', async ({
  openDesk,
}) => {
  test.skip(!NATS_SERVER, NATS_MISSING)
  const nats = await startNatsServer()
  const balancer = await startRelayBalancer()
  const desk = await openDesk({
    simulator: {
      vehicles: 6,
      autoTick: false,
      network: { resolve: (host) => (host === TUNNEL_HOST ? '127.0.0.1' : undefined), ca: TUNNEL_CA },
    },
    alsoClose: [balancer, nats],
  })
  const { sim, setup } = desk
  const relay = await startRelayBehind(balancer, { nats: nats.url, sim, node: 'e2e' })
  try {
    balancer.backends = [relay.port]
    const key = await addDeskKey(nats.url, 'dispatch-1')
    await desk.login.signIn(sim.credentials)
    await expect(desk.devices.count).toHaveAttribute('data-total', '6')

    await setup.open()
    await expect(setup.feed.source('listener')).toBeChecked()
    // A key the relay does not know: said, and the desk stays on its listener.
    await setup.feed.useRelay(relay.url, `dispatch-1.${'x'.repeat(43)}`)
    await expect(setup.feed.error).toContainText('refused this desk key')
    await expect(setup.feed.status).toHaveCount(0)
    await expect(desk.header.listener).toHaveState('listening')

    await setup.feed.relayKey.fill(key)
    await setup.feed.save()
    await expect(setup.feed.status).toHaveState('connected')
    await expect(desk.header.relay).toHaveState('connected')
    await expect(setup.feed.relayKey).toHaveValue('')

    expect((await sim.tick()).delivered).toBeGreaterThan(0)
    await expect(setup.feed.status).toHaveAttribute('data-sequence', /^[1-9]\d*$/)
    await setup.feed.root.screenshot({ path: 'docs/screenshots/feed-relay.png' })
    await setup.close()
    await expect(desk.devices.liveRows).not.toHaveCount(0)
    // How old the data is counts the relay's fixes (the desk's own listener is off and hears nothing).
    await desk.health.open()
    await expect(desk.health.dataAge).toContainText('Last position received')
    await desk.health.closeWithEscape()

    // The operator revokes the desk's key: refused at once, said in the header.
    expect((await runRelayKeys(nats.url, ['revoke', 'dispatch-1'])).code).toBe(0)
    await expect(desk.header.relay).toHaveState('refused')
  } finally {
    await relay.stop()
  }
})
