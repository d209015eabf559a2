import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startSimulator } from '../../tools/simulator/simulator'
import { launchChromium } from '../support/chromium'
import { startTunnelStandIn, TUNNEL_CA, TUNNEL_HOST } from '../support/tunnel-stand-in'
import { startWebHostProcess } from '../support/web-host-process'

// The field's route end to end: Tagora (the simulator) → https://desk3.example.net (a stand-in for
// cloudflared/ngrok: TLS for the public name, Host and path kept, X-Forwarded-* added) → the desk's
// listener. The desk reaches the public name through --resolve and trusts the stand-in's CA through
// NODE_EXTRA_CA_CERTS, as a workstation would through DNS and its system certificates.
test('a desk behind a tunnel: positions arrive, the public URL test reaches it, and a path mismatch is fixed in one click', async () => {
  const sim = await startSimulator({
    vehicles: 6,
    autoTick: false,
    network: { resolve: (host) => (host === TUNNEL_HOST ? '127.0.0.1' : undefined), ca: TUNNEL_CA },
  })
  // The tunnel is started first, as a user does, then pointed at the listener once its port is known.
  const tunnel = await startTunnelStandIn({ targetPort: 1 })
  const host = await startWebHostProcess({
    args: ['--resolve', `${TUNNEL_HOST}:${tunnel.port}:127.0.0.1`],
    env: {
      TAGORA_API_URL: sim.apiBaseUrl,
      NODE_EXTRA_CA_CERTS: join(import.meta.dirname, '..', 'fixtures', 'tunnel', 'ca.pem'),
    },
  })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByTestId('login-email').fill(sim.credentials.email)
    await page.getByTestId('login-password').fill(sim.credentials.password)
    await page.getByTestId('login-submit').click()
    await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', '6')

    await page.getByTestId('open-setup').click()
    const localUrl = (await page.getByTestId('listener-local-url').textContent()) ?? ''
    const postUrl = `https://${TUNNEL_HOST}:${tunnel.port}/hooks/tagora`
    await page.getByTestId('webhook-name').fill('Desk 3')
    await page.getByTestId('webhook-url').fill(postUrl)
    await page.getByTestId('webhook-register').click()
    const row = page.getByTestId('webhook-row')
    await expect(row).toHaveCount(1)

    // The tunnel still points at a closed port: the test says so in a dispatcher's words.
    await row.getByTestId('webhook-test-public').click()
    const result = row.getByTestId('webhook-test-result')
    await expect(result).toHaveAttribute('data-state', 'failed')
    await expect(result).toHaveAttribute('data-outcome', 'tunnel-error')
    await expect(result).toContainText(`Point it at the listener’s port ${new URL(localUrl).port}`)

    tunnel.target.port = Number(new URL(localUrl).port)
    await row.getByTestId('webhook-test-public').click()
    await expect(result).toHaveAttribute('data-state', 'reached')
    await expect(result).toContainText(/Reached this desk through desk3\.example\.net:\d+ in \d+ ms/)

    // The webhook's path is not the listener's: said, and fixed in one click.
    await expect(row.getByTestId('listener-path-mismatch')).toContainText('/hooks/tagora')
    await row.getByTestId('listener-path-fix').click()
    await expect(row.getByTestId('listener-path-mismatch')).toHaveCount(0)
    await expect(page.getByTestId('listener-local-url')).toHaveText(/\/hooks\/tagora$/)
    await row.screenshot({ path: 'docs/screenshots/webhook-tunnel.png' })

    // Real deliveries through the tunnel: every vehicle gets a position; nothing is refused.
    expect(await sim.tick()).toMatchObject({ events: 6, delivered: 6, failedPosts: 0 })
    await page.getByTestId('setup-close').click()
    await expect(page.locator('[data-testid="device-row"][data-status="live"]')).toHaveCount(6)

    // The inspector shows the headers the tunnel added; the health panel counts no refusal.
    await page.getByTestId('open-health').click()
    const panel = page.getByTestId('health-panel')
    const forwarded = panel.getByTestId('raw-event-forwarded').first()
    await expect(forwarded).toContainText('x-forwarded-proto')
    await expect(forwarded).toContainText(`${TUNNEL_HOST}:${tunnel.port}`)
    await expect(panel.getByTestId('health-rejected').locator('tr[data-reason]')).toHaveCount(0)
  } finally {
    await context.close()
    await host.stop()
    await tunnel.close()
    await sim.close()
  }
})
