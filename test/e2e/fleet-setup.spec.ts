import { readFile, writeFile } from 'node:fs/promises'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'

const PUBLIC_URL = 'https://fleet.example.com/tagora/events'

async function signIn(page: Page, sim: Simulator): Promise<void> {
  await page.getByTestId('login-email').fill(sim.credentials.email)
  await page.getByTestId('login-password').fill(sim.credentials.password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-in')
}

async function tryUrl(page: Page, url: string): Promise<void> {
  await page.getByTestId('webhook-name').fill('Dispatch desk')
  await page.getByTestId('webhook-url').fill(url)
  await page.getByTestId('webhook-register').click()
}

test('sign-in → sync → register → scope → listener status', async () => {
  const sim = await startSimulator({ vehicles: 0, devices: 40, autoTick: false })
  const host = await startWebHostProcess({ env: { TAGORA_API_URL: sim.apiBaseUrl } })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await signIn(page, sim)
    await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', '40')

    // Sync: manual refresh reports what was added.
    await page.getByTestId('open-setup').click()
    await expect(page.getByTestId('setup-sync-state')).toHaveAttribute('data-phase', 'idle')
    sim.fleet.addDevices(5)
    await page.getByTestId('sync-refresh').click()
    await expect(page.getByTestId('sync-change')).toHaveAttribute('data-added', '5')
    await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', '45')

    // The explanation and the tunnel commands point at the listener's real port.
    const localUrl = (await page.getByTestId('listener-local-url').textContent()) ?? ''
    const port = new URL(localUrl).port
    await expect(page.getByTestId('tunnel-command').first()).toHaveText(
      `cloudflared tunnel --url http://127.0.0.1:${port}`,
    )
    await expect(page.getByTestId('tunnel-command').nth(1)).toHaveText(`ngrok http ${port}`)

    // Bad URLs are refused before anything is sent.
    for (const [url, code] of [
      ['http://fleet.example.com/hook', 'not-https'],
      ['https://192.168.1.20/hook', 'private-ip'],
      ['https://localhost:8787/tagora/events', 'localhost'],
      ['not a url', 'not-a-url'],
    ] as const) {
      await tryUrl(page, url)
      await expect(page.getByTestId('webhook-error')).toHaveAttribute('data-code', code)
    }
    expect(sim.fleet.webhooks()).toEqual([])

    // The API's own rejection is shown with its request id.
    sim.faults.failNext({ route: 'webhook', status: 422, count: 1 })
    await tryUrl(page, PUBLIC_URL)
    await expect(page.getByTestId('webhook-error')).toContainText(/request [0-9a-z-]+/i)
    await expect(page.getByTestId('webhook-row')).toHaveCount(0)

    // The advanced id override: a malformed id is refused in the form; an id that is not the
    // session's goes to Tagora, whose refusal is shown; emptied again, the session's ids are used.
    await page.getByTestId('webhook-advanced').locator('summary').click()
    await page.getByTestId('webhook-organizationId').fill('42; x')
    await tryUrl(page, PUBLIC_URL)
    await expect(page.getByTestId('webhook-error')).toHaveAttribute('data-code', 'bad-id')
    await page.getByTestId('webhook-organizationId').fill('999999')
    await tryUrl(page, PUBLIC_URL)
    await expect(page.getByTestId('webhook-error')).toHaveAttribute('data-code', 'forbidden')
    await expect(page.getByTestId('webhook-error')).toContainText('must match the access token')
    await page.getByTestId('webhook-advanced').screenshot({ path: 'test-results/webhook-advanced.png' })
    expect(sim.fleet.webhooks()).toEqual([])
    await page.getByTestId('webhook-organizationId').fill('')

    // Registration: listed, kept in settings, scope fetched.
    await tryUrl(page, PUBLIC_URL)
    const row = page.getByTestId('webhook-row')
    await expect(row).toHaveCount(1)
    const webhookId = sim.fleet.webhooks()[0]?.webhookId ?? ''
    await expect(row).toHaveAttribute('data-webhook-id', webhookId)
    await expect(row.getByTestId('webhook-scope')).toHaveAttribute('data-phase', 'ok')
    await expect(row.getByTestId('webhook-scope')).toHaveAttribute('data-count', '45')
    const settings = JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8')) as {
      webhooks: { webhookId: string; postUrl: string; publicKeyPem: string; keyAlgorithm: string }[]
    }
    expect(settings.webhooks[0]).toMatchObject({ webhookId, postUrl: PUBLIC_URL, keyAlgorithm: 'ed25519' })
    expect(settings.webhooks[0]?.publicKeyPem).toContain('PUBLIC KEY')

    // A second webhook may exist alongside the first.
    await tryUrl(page, 'https://backup.example.com/tagora/events')
    await expect(page.getByTestId('webhook-row')).toHaveCount(2)

    // Narrow both scopes: devices outside every scope are flagged in the list.
    const assets = sim.fleet.devices().map((device) => device.assetId)
    for (const hook of sim.fleet.webhooks()) sim.fleet.setWebhookScope(hook.webhookId, assets.slice(0, 10))
    await page.getByTestId('scopes-refresh').click()
    await expect(page.getByTestId('out-of-scope-count')).toHaveAttribute('data-count', '35')
    await row.first().getByTestId('webhook-scope-toggle').click()
    await expect(page.getByTestId('webhook-scope-devices').first()).toHaveAttribute('data-count', '10')

    // Listener status: local URL, rejected by reason.
    await expect(page.getByTestId('listener-details')).toHaveAttribute('data-state', 'listening')
    const response = await fetch(localUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"assetId":"x"}',
    })
    expect(response.status).toBe(401)
    await expect(page.getByTestId('listener-rejected')).toContainText('no signature: 1')

    await page.getByTestId('setup-close').click()
    await expect(page.locator('[data-testid="device-row"][data-out-of-scope="true"]').first()).toBeVisible()
  } finally {
    await context.close()
    await host.stop()
    await sim.close()
  }
})

test('a listener port in use gives a clear error and changes nothing; all interfaces needs a confirmation', async () => {
  const blocker: Server = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const busyPort = (blocker.address() as { port: number }).port
  const host = await startWebHostProcess()
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByTestId('open-setup').click()
    const details = page.getByTestId('listener-details')
    await expect(details).toHaveAttribute('data-state', 'listening')
    const listeningAt = await page.getByTestId('listener-local-url').textContent()
    await page.getByTestId('listener-port').fill(String(busyPort))
    await page.getByTestId('listener-save').click()
    await expect(page.getByTestId('listener-settings-error')).toHaveText(
      `Port ${busyPort} is already in use by another program. ` +
        'Choose another port in Fleet setup → Local listener, or stop the other program. ' +
        `For example, port ${busyPort + 1}.`,
    )
    // Telemetry keeps arriving where it did: the running listener and the saved port are untouched.
    await expect(details).toHaveAttribute('data-state', 'listening')
    await expect(page.getByTestId('listener-local-url')).toHaveText(listeningAt ?? '')
    await expect(page.getByTestId('listener-error')).toHaveCount(0)

    // The same facts in Spanish, from the code and port main sends with the English sentence.
    await page.getByTestId('setup-close').click()
    await page.getByTestId('language-es-MX').click()
    await page.getByTestId('open-setup').click()
    await expect(page.getByTestId('listener-port')).not.toHaveValue(String(busyPort))
    await page.getByTestId('listener-port').fill(String(busyPort))
    await page.getByTestId('listener-save').click()
    await expect(page.getByTestId('listener-settings-error')).toHaveText(
      `Otro programa ya usa el puerto ${busyPort}. ` +
        'Elige otro puerto en Configurar flota → Receptor local, o cierra el otro programa. ' +
        `Por ejemplo, el puerto ${busyPort + 1}.`,
    )
    await page.getByTestId('setup-close').click()
    await page.getByTestId('language-en').click()
    await page.getByTestId('open-setup').click()

    await page.getByTestId('listener-bind-all').check()
    await expect(page.getByTestId('listener-save')).toBeDisabled()
    await page.getByTestId('listener-bind-loopback').check()
    await page.getByTestId('listener-port').fill('0')
    await page.getByTestId('listener-save').click()
    await expect(page.getByTestId('listener-details')).toHaveAttribute('data-state', 'listening')
    await expect(page.getByTestId('login-email')).toBeVisible()
  } finally {
    await context.close()
    await host.stop()
    blocker.close()
  }
})

test('a corrupt settings file is moved aside and the user is told', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-data-'))
  await writeFile(join(dataDir, 'settings.json'), '{"version":1,"listener":{"port":')
  const host = await startWebHostProcess({ dataDir })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await expect(page.getByTestId('app-notice')).toContainText('could not be used')
    await page.getByTestId('language-es-MX').click()
    await expect(page.getByTestId('app-notice')).toContainText(
      'Tu archivo de configuración no es JSON válido. Se usan los valores predeterminados; ' +
        'el archivo anterior se guardó como ',
    )
    await page.getByTestId('language-en').click()
    await expect(page.getByTestId('login-email')).toBeVisible()
    // Dismissed once, it stays dismissed when the page reconnects.
    await page.getByTestId('app-notice-dismiss').click()
    await expect(page.getByTestId('app-notice')).toHaveCount(0)
    await page.reload()
    await expect(page.getByTestId('login-email')).toBeVisible()
    await expect(page.getByTestId('app-notice')).toHaveCount(0)
  } finally {
    await context.close()
    await host.stop()
  }
})

test('100,000 devices sync and list without freezing the UI (measured)', async () => {
  test.setTimeout(180_000)
  const sim = await startSimulator({ vehicles: 0, devices: 100_000, autoTick: false })
  const host = await startWebHostProcess({ env: { TAGORA_API_URL: sim.apiBaseUrl } })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await expect(page.getByTestId('login-email')).toBeVisible()
    // Longest gap between animation frames while the fleet arrives: a frozen UI shows up here.
    // Long tasks are main-thread work of the page itself (not CPU starvation from other processes).
    // Written as page-side source: the node program has no DOM types.
    await page.evaluate(`(() => {
      const probe = { maxGap: 0, last: performance.now(), longTasks: [] }
      window.framesProbe = probe
      const tick = (now) => {
        probe.maxGap = Math.max(probe.maxGap, now - probe.last)
        probe.last = now
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.longTasks.push(Math.round(entry.duration))
      }).observe({ type: 'longtask' })
    })()`)
    const started = Date.now()
    await signIn(page, sim)
    await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', '100000', {
      timeout: 120_000,
    })
    const seconds = (Date.now() - started) / 1000
    const { maxGap, longTasks } = await page.evaluate<{ maxGap: number; longTasks: number[] }>(
      'window.framesProbe',
    )
    const longest = Math.max(0, ...longTasks)
    console.info(
      `100,000 devices: signed in and listed in ${seconds.toFixed(1)} s; longest frame gap ${maxGap.toFixed(0)} ms; ` +
        `long tasks ${JSON.stringify(longTasks)}`,
    )
    // The list stays usable: scroll to the end and search.
    await page.locator('.device-viewport').evaluate('el => { el.scrollTop = el.scrollHeight }')
    await expect(page.getByTestId('device-row').first()).toBeVisible()
    expect(await page.getByTestId('device-row').count()).toBeLessThan(200)
    await page.getByTestId('device-search').fill(sim.fleet.devices()[99_999]?.serial ?? '')
    await expect(page.getByTestId('device-count')).toHaveAttribute('data-shown', '1')
    expect(seconds).toBeLessThan(60)
    expect(longest).toBeLessThan(2000)
  } finally {
    await context.close()
    await host.stop()
    await sim.close()
  }
})
