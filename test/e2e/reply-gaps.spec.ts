import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startSimulator } from '../../tools/simulator/simulator'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'

const PUBLIC_URL = 'https://fleet.example.com/tagora/events'

test('replies that differ from the document: a skipped device and an inactive webhook, in both languages', async () => {
  const sim = await startSimulator({ vehicles: 0, devices: 12, autoTick: false })
  // One row of the first page has no assetId; the webhook will come back inactive, without keyAlgorithm.
  sim.faults.setDevicesMalformedAt(0, 'bad-row')
  sim.faults.setWebhooksCreatedInactive(true)
  sim.faults.setWebhookReply({ omit: ['keyAlgorithm'] })
  const host = await startWebHostProcess({ env: { TAGORA_API_URL: sim.apiBaseUrl } })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByTestId('login-email').fill(sim.credentials.email)
    await page.getByTestId('login-password').fill(sim.credentials.password)
    await page.getByTestId('login-submit').click()
    await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-in')

    // The sync is not failed by one bad row: the rest are listed and the skip is said.
    await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', '11')
    const skipped = page.getByTestId('sync-skipped')
    await expect(skipped).toHaveAttribute('data-count', '1')
    await expect(skipped).toContainText('1 device skipped (malformed)')
    await expect(skipped).toContainText('First: row 1, no assetId.')

    await page.getByTestId('open-setup').click()
    await expect(page.getByTestId('setup-sync').getByTestId('sync-skipped')).toHaveAttribute(
      'data-count',
      '1',
    )
    await page.getByTestId('webhook-name').fill('Dispatch desk')
    await page.getByTestId('webhook-url').fill(PUBLIC_URL)
    await page.getByTestId('webhook-register').click()

    // Kept, badged, explained; the assumed algorithm is named.
    const row = page.getByTestId('webhook-row')
    await expect(row).toHaveCount(1)
    await expect(row).toHaveAttribute('data-key-problem', 'inactive')
    await expect(row.getByTestId('webhook-inactive')).toBeVisible()
    await expect(row.getByTestId('webhook-key-problem')).toContainText(
      'Tagora says this webhook is not active: deliveries signed with its key are refused.',
    )
    await expect(row.getByTestId('webhook-unstated')).toHaveAttribute('data-fields', 'keyAlgorithm')
    await row.screenshot({ path: 'test-results/webhook-inactive.png' })
    const settings = JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8')) as {
      webhooks: Array<{ isActive?: boolean; keyAlgorithm: string; unstated?: string[] }>
    }
    expect(settings.webhooks[0]).toMatchObject({
      isActive: false,
      keyAlgorithm: 'ed25519',
      unstated: ['keyAlgorithm'],
    })

    // The same facts in Mexican Spanish (the drawer is modal: switch with it closed).
    await page.getByTestId('setup-close').click()
    await page.getByTestId('language-es-MX').click()
    await expect(page.getByTestId('sync-skipped')).toContainText('1 dispositivo omitido (mal formado)')
    await expect(page.getByTestId('sync-skipped')).toContainText('Primera: fila 1, sin assetId.')
    await page.getByTestId('open-setup').click()
    await expect(row.getByTestId('webhook-key-problem')).toContainText(
      'Tagora indica que este webhook no está activo: se rechazan los envíos firmados con su llave.',
    )
    await expect(row.getByTestId('webhook-inactive')).toHaveText('inactivo')
    await expect(page.getByTestId('setup-sync').getByTestId('sync-skipped')).toContainText(
      '1 dispositivo omitido (mal formado)',
    )
  } finally {
    await context.close()
    await host.stop()
    await sim.close()
  }
})
