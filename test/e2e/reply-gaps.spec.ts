import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startSimulator } from '../../tools/simulator/simulator'
import { expect, test } from './desk/desk-test'

const PUBLIC_URL = 'https://fleet.example.com/tagora/events'

test('replies that differ from the document: a skipped device and an inactive webhook, in both languages', async ({
  openDesk,
}) => {
  const sim = await startSimulator({ vehicles: 0, devices: 12, autoTick: false })
  // One row of the first page has no assetId; the webhook will come back inactive, without keyAlgorithm.
  sim.faults.setDevicesMalformedAt(0, 'bad-row')
  sim.faults.setWebhooksCreatedInactive(true)
  sim.faults.setWebhookReply({ omit: ['keyAlgorithm'] })
  const desk = await openDesk({ apiUrl: sim.apiBaseUrl, alsoClose: [sim] })
  await desk.login.signIn(sim.credentials)
  await expect(desk.header.session).toHaveState('signed-in')

  // The sync is not failed by one bad row: the rest are listed and the skip is said.
  await expect(desk.devices.count).toHaveAttribute('data-total', '11')
  const skipped = desk.devices.skipped
  await expect(skipped).toHaveAttribute('data-count', '1')
  await expect(skipped).toContainText('1 device skipped (malformed)')
  await expect(skipped).toContainText('First: row 1, no assetId.')

  const { setup } = desk
  await setup.open()
  await expect(setup.sync.skipped).toHaveAttribute('data-count', '1')
  await setup.webhooks.register('Dispatch desk', PUBLIC_URL)

  // Kept, badged, explained; the assumed algorithm is named.
  await expect(setup.webhooks.rows).toHaveCount(1)
  const row = setup.webhooks.row(0)
  await expect(row.root).toHaveAttribute('data-key-problem', 'inactive')
  await expect(row.inactiveBadge).toBeVisible()
  await expect(row.keyProblem).toContainText(
    'Tagora says this webhook is not active: deliveries signed with its key are refused.',
  )
  await expect(row.unstated).toHaveAttribute('data-fields', 'keyAlgorithm')
  await row.root.screenshot({ path: 'test-results/webhook-inactive.png' })
  const settings = JSON.parse(await readFile(join(desk.host.dataDir, 'settings.json'), 'utf8')) as {
    webhooks: Array<{ isActive?: boolean; keyAlgorithm: string; unstated?: string[] }>
  }
  expect(settings.webhooks[0]).toMatchObject({
    isActive: false,
    keyAlgorithm: 'ed25519',
    unstated: ['keyAlgorithm'],
  })

  // The same facts in Mexican Spanish (the drawer is modal: switch with it closed).
  await setup.close()
  await desk.header.switchLanguage('es-MX')
  await expect(desk.devices.skipped).toContainText('1 dispositivo omitido (mal formado)')
  await expect(desk.devices.skipped).toContainText('Primera: fila 1, sin assetId.')
  await setup.open()
  await expect(row.keyProblem).toContainText(
    'Tagora indica que este webhook no está activo: se rechazan los envíos firmados con su llave.',
  )
  await expect(row.inactiveBadge).toHaveText('inactivo')
  await expect(setup.sync.skipped).toContainText('1 dispositivo omitido (mal formado)')
  // Times in the desk's language and 24-hour clock, not the browser's locale ("12:12:26 AM").
  await expect(setup.sync.state).toHaveText(/^11 dispositivos, sincronizados \d{2}:\d{2}:\d{2}$/)
  await expect(row.created).toHaveText(/^Registrado \d{2}:\d{2}:\d{2}$/)
})

test('a 201 without a webhookId keeps nothing and says to look in Tagora’s panel, in both languages', async ({
  openDesk,
}) => {
  const sim = await startSimulator({ vehicles: 0, devices: 3, autoTick: false })
  sim.faults.setWebhookReply({ omit: ['webhookId'] })
  const desk = await openDesk({ apiUrl: sim.apiBaseUrl, alsoClose: [sim] })
  await desk.login.signIn(sim.credentials)
  const { setup } = desk
  await setup.open()
  await setup.webhooks.register('Dispatch desk', PUBLIC_URL)
  await expect(setup.webhooks.error).toContainText(
    'Tagora may have created this webhook, but its reply to POST /webhook could not be read (webhookId: Invalid input), so Fleet Monitor kept nothing.',
  )
  await expect(setup.webhooks.error).toContainText('if the webhook is listed there, remove it')
  await expect(setup.webhooks.rows).toHaveCount(0)

  await setup.close()
  await desk.header.switchLanguage('es-MX')
  await setup.open()
  await setup.webhooks.register('Mesa de despacho', PUBLIC_URL)
  await expect(setup.webhooks.error).toContainText('Es posible que Tagora haya creado este webhook')
  await expect(setup.webhooks.error).toContainText('Revisa el panel de Tagora')
  await setup.webhooks.error.screenshot({ path: 'test-results/webhook-reply-unreadable-es.png' })
  await expect(setup.webhooks.rows).toHaveCount(0)
})
