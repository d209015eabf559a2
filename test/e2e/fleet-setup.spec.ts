import { readFile, writeFile } from 'node:fs/promises'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { occupyPort } from '../support/busy-port'
import { expect, test } from './desk/desk-test'

const PUBLIC_URL = 'https://fleet.example.com/tagora/events'

test('sign-in → sync → register → scope → listener status', async ({ openDesk }) => {
  const desk = await openDesk({ simulator: { vehicles: 0, devices: 40, autoTick: false } })
  const { sim, setup } = desk
  const { webhooks } = setup
  const tryUrl = (url: string) => webhooks.register('Dispatch desk', url)
  await desk.login.signIn(sim.credentials)
  await expect(desk.header.session).toHaveState('signed-in')
  await expect(desk.devices.count).toHaveAttribute('data-total', '40')

  // Without a webhook nothing can arrive: the map says so at once, and its button opens the fix.
  await expect(desk.dataAgeBanner).toHaveAttribute('data-kind', 'no-webhook')
  await expect(desk.dataAgeBanner).toContainText('this desk has none yet')
  await desk.openSetupFromBanner()

  // Sync: manual refresh reports what was added.
  await expect(setup.sync.state).toHavePhase('idle')
  sim.fleet.addDevices(5)
  await setup.sync.refresh()
  await expect(setup.sync.change).toHaveAttribute('data-added', '5')
  await expect(desk.devices.count).toHaveAttribute('data-total', '45')

  // The explanation and the tunnel commands point at the listener's real port.
  const localUrl = await setup.listener.localUrlText()
  const port = new URL(localUrl).port
  await expect(webhooks.tunnelCommand(0)).toHaveText(`cloudflared tunnel --url http://127.0.0.1:${port}`)
  await expect(webhooks.tunnelCommand(1)).toHaveText(`ngrok http ${port}`)

  // Bad URLs are refused before anything is sent.
  for (const [url, code] of [
    ['http://fleet.example.com/hook', 'not-https'],
    ['https://192.168.1.20/hook', 'private-ip'],
    ['https://localhost:8787/tagora/events', 'localhost'],
    ['not a url', 'not-a-url'],
  ] as const) {
    await tryUrl(url)
    await expect(webhooks.error).toHaveCode(code)
  }
  expect(sim.fleet.webhooks()).toEqual([])

  // The API's own rejection is shown with its request id.
  sim.faults.failNext({ route: 'webhook', status: 422, count: 1 })
  await tryUrl(PUBLIC_URL)
  await expect(webhooks.error).toContainText(/request [0-9a-z-]+/i)
  await expect(webhooks.rows).toHaveCount(0)

  // The advanced id override: a malformed id is refused in the form; an id that is not the
  // session's goes to Tagora, whose refusal is shown; emptied again, the session's ids are used.
  await webhooks.openAdvanced()
  await webhooks.idOverride('organizationId').fill('42; x')
  await tryUrl(PUBLIC_URL)
  await expect(webhooks.error).toHaveCode('bad-id')
  await webhooks.idOverride('organizationId').fill('999999')
  await tryUrl(PUBLIC_URL)
  await expect(webhooks.error).toHaveCode('forbidden')
  await expect(webhooks.error).toContainText('must match the access token')
  await webhooks.advanced.screenshot({ path: 'test-results/webhook-advanced.png' })
  expect(sim.fleet.webhooks()).toEqual([])
  await webhooks.idOverride('organizationId').fill('')

  // Registration: listed, kept in settings, scope fetched.
  await tryUrl(PUBLIC_URL)
  await expect(webhooks.rows).toHaveCount(1)
  const row = webhooks.row(0)
  const webhookId = sim.fleet.webhooks()[0]?.webhookId ?? ''
  await expect(row.root).toHaveAttribute('data-webhook-id', webhookId)
  await expect(row.scope).toHavePhase('ok')
  await expect(row.scope).toHaveAttribute('data-count', '45')
  const settings = JSON.parse(await readFile(join(desk.host.dataDir, 'settings.json'), 'utf8')) as {
    webhooks: { webhookId: string; postUrl: string; publicKeyPem: string; keyAlgorithm: string }[]
  }
  expect(settings.webhooks[0]).toMatchObject({ webhookId, postUrl: PUBLIC_URL, keyAlgorithm: 'ed25519' })
  expect(settings.webhooks[0]?.publicKeyPem).toContain('PUBLIC KEY')

  // A second webhook may exist alongside the first.
  await tryUrl('https://backup.example.com/tagora/events')
  await expect(webhooks.rows).toHaveCount(2)

  // Narrow both scopes: devices outside every scope are flagged in the list.
  const assets = sim.fleet.devices().map((device) => device.assetId)
  for (const hook of sim.fleet.webhooks()) sim.fleet.setWebhookScope(hook.webhookId, assets.slice(0, 10))
  await webhooks.refreshScopes()
  await expect(webhooks.outOfScopeCount).toHaveAttribute('data-count', '35')
  await row.toggleScopeDevices()
  await expect(row.scopeDevices).toHaveAttribute('data-count', '10')

  // Listener status: local URL, rejected by reason.
  await expect(setup.listener.details).toHaveState('listening')
  const response = await fetch(localUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"assetId":"x"}',
  })
  expect(response.status).toBe(401)
  await expect(setup.listener.rejected).toContainText('no signature: 1')

  await setup.close()
  await expect(desk.devices.outOfScopeRows.first()).toBeVisible()
  // Registered: nothing late yet, so no banner.
  await expect(desk.dataAgeBanner).toHaveCount(0)
})

test('a listener port in use gives a clear error and changes nothing; all interfaces needs a confirmation', async ({
  openDesk,
}) => {
  const busy = await occupyPort()
  const desk = await openDesk({ alsoClose: [busy] })
  const { setup } = desk
  const { listener } = setup
  await setup.open()
  await expect(listener.details).toHaveState('listening')
  const listeningAt = await listener.localUrl.textContent()
  await listener.usePort(busy.port)
  await expect(listener.settingsError).toHaveText(
    `Port ${busy.port} is already in use by another program. ` +
      'Choose another port in Fleet setup → Local listener, or stop the other program. ' +
      `For example, port ${busy.port + 1}.`,
  )
  // Telemetry keeps arriving where it did: the running listener and the saved port are untouched.
  await expect(listener.details).toHaveState('listening')
  await expect(listener.localUrl).toHaveText(listeningAt ?? '')
  await expect(listener.error).toHaveCount(0)

  // The same facts in Spanish, from the code and port main sends with the English sentence.
  await setup.close()
  await desk.header.switchLanguage('es-MX')
  await setup.open()
  await expect(listener.port).not.toHaveValue(String(busy.port))
  await listener.usePort(busy.port)
  await expect(listener.settingsError).toHaveText(
    `Otro programa ya usa el puerto ${busy.port}. ` +
      'Elige otro puerto en Configurar flota → Receptor local, o cierra el otro programa. ' +
      `Por ejemplo, el puerto ${busy.port + 1}.`,
  )
  await setup.close()
  await desk.header.switchLanguage('en')
  await setup.open()

  await listener.chooseAllInterfaces()
  await expect(listener.saveButton).toBeDisabled()
  await listener.chooseLoopback()
  await listener.usePort(0)
  await expect(listener.details).toHaveState('listening')
  await expect(desk.login.email).toBeVisible()
})

test('a corrupt settings file is moved aside and the user is told', async ({ openDesk }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-data-'))
  await writeFile(join(dataDir, 'settings.json'), '{"version":1,"listener":{"port":')
  const desk = await openDesk({ dataDir })
  const { notice } = desk
  await expect(notice.root).toContainText('could not be used')
  await desk.header.switchLanguage('es-MX')
  await expect(notice.root).toContainText(
    'Tu archivo de configuración no es JSON válido. Se usan los valores predeterminados; ' +
      'el archivo anterior se guardó como ',
  )
  await desk.header.switchLanguage('en')
  await expect(desk.login.email).toBeVisible()
  // Dismissed once, it stays dismissed when the page reconnects.
  await notice.dismiss()
  await expect(notice.root).toHaveCount(0)
  await desk.page.reload()
  await expect(desk.login.email).toBeVisible()
  await expect(notice.root).toHaveCount(0)
})

test('100,000 devices sync and list without freezing the UI (measured)', async ({ openDesk }) => {
  test.setTimeout(180_000)
  const desk = await openDesk({ simulator: { vehicles: 0, devices: 100_000, autoTick: false } })
  const { sim } = desk
  await expect(desk.login.email).toBeVisible()
  // Longest gap between animation frames while the fleet arrives: a frozen UI shows up here.
  // Long tasks are main-thread work of the page itself (not CPU starvation from other processes).
  // Written as page-side source: the node program has no DOM types.
  await desk.page.evaluate(`(() => {
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
  await desk.login.signIn(sim.credentials)
  await expect(desk.header.session).toHaveState('signed-in')
  await expect(desk.devices.count).toHaveAttribute('data-total', '100000', { timeout: 120_000 })
  const seconds = (Date.now() - started) / 1000
  const { maxGap, longTasks } = await desk.page.evaluate<{ maxGap: number; longTasks: number[] }>(
    'window.framesProbe',
  )
  const longest = Math.max(0, ...longTasks)
  console.info(
    `100,000 devices: signed in and listed in ${seconds.toFixed(1)} s; longest frame gap ${maxGap.toFixed(0)} ms; ` +
      `long tasks ${JSON.stringify(longTasks)}`,
  )
  // The list stays usable: scroll to the end and search.
  await desk.devices.scrollToEnd()
  await expect(desk.devices.rows.first()).toBeVisible()
  expect(await desk.devices.rows.count()).toBeLessThan(200)
  await desk.devices.searchFor(sim.fleet.devices()[99_999]?.serial ?? '')
  await expect(desk.devices.count).toHaveAttribute('data-shown', '1')
  expect(seconds).toBeLessThan(60)
  expect(longest).toBeLessThan(2000)
})
