import { startTunnelStandIn, TUNNEL_HOST } from '../support/tunnel-stand-in'
import { behindTunnel } from './desk/behind-tunnel'
import { expect, test } from './desk/desk-test'

// The field's route end to end: Tagora (the simulator) → https://desk3.example.net (a stand-in for
// cloudflared/ngrok: TLS for the public name, Host and path kept, X-Forwarded-* added) → the desk's
// listener. The desk reaches the public name through --resolve and trusts the stand-in's CA through
// NODE_EXTRA_CA_CERTS, as a workstation would through DNS and its system certificates.
test('a desk behind a tunnel: positions arrive, the public URL test reaches it, and a path mismatch is fixed in one click', async ({
  openDesk,
}) => {
  // The tunnel is started first, as a user does, then pointed at the listener once its port is known.
  const tunnel = await startTunnelStandIn({ targetPort: 1 })
  const desk = await openDesk(behindTunnel(tunnel, { vehicles: 6, autoTick: false }))
  const { sim, setup } = desk
  await desk.login.signIn(sim.credentials)
  await expect(desk.devices.count).toHaveAttribute('data-total', '6')

  await setup.open()
  const localUrl = await setup.listener.localUrlText()
  const postUrl = `https://${TUNNEL_HOST}:${tunnel.port}/hooks/tagora`
  await setup.webhooks.register('Desk 3', postUrl)
  await expect(setup.webhooks.rows).toHaveCount(1)
  const row = setup.webhooks.row(0)

  // The tunnel still points at a closed port: the test says so in a dispatcher's words.
  await row.testPublicUrl()
  await expect(row.testResult).toHaveState('failed')
  await expect(row.testResult).toHaveAttribute('data-outcome', 'tunnel-error')
  await expect(row.testResult).toContainText(`Point it at the listener’s port ${new URL(localUrl).port}`)

  tunnel.target.port = Number(new URL(localUrl).port)
  await row.testPublicUrl()
  await expect(row.testResult).toHaveState('reached')
  await expect(row.testResult).toContainText(/Reached this desk through desk3\.example\.net:\d+ in \d+ ms/)

  // The webhook's path is not the listener's: said, and fixed in one click.
  await expect(row.pathMismatch).toContainText('/hooks/tagora')
  await row.fixListenerPath()
  await expect(row.pathMismatch).toHaveCount(0)
  await expect(setup.listener.localUrl).toHaveText(/\/hooks\/tagora$/)
  await row.root.screenshot({ path: 'docs/screenshots/webhook-tunnel.png' })

  // Real deliveries through the tunnel: every vehicle gets a position; nothing is refused.
  expect(await sim.tick()).toMatchObject({ events: 6, delivered: 6, failedPosts: 0 })
  await setup.close()
  await expect(desk.devices.liveRows).toHaveCount(6)

  // The inspector shows the headers the tunnel added; the health panel counts no refusal.
  await desk.health.open()
  const forwarded = desk.health.firstForwardedHeaders
  await expect(forwarded).toContainText('x-forwarded-proto')
  await expect(forwarded).toContainText(`${TUNNEL_HOST}:${tunnel.port}`)
  await expect(desk.health.rejectedReasons).toHaveCount(0)
})
