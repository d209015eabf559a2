import { expect, test } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import type { NugiosFake } from '../fakes/fake-nugios'
import { startNugiosFake } from '../fakes/fake-nugios'
import type { TavioFake } from '../fakes/fake-tavio'
import { startTavioFake } from '../fakes/fake-tavio'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'
import type { WebHostProcess } from '../support/web-host-process'

// The Connections dialog and the 8x8 action, end to end in the browser host, against vendor fakes
// started by the test. The demo gives the asset detail panel a fleet to act on.
let host: WebHostProcess
let context: BrowserContext
let page: Page
let eight: EightByEightFake
let nugios: NugiosFake
let tavio: TavioFake

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  eight = await startEightByEightFake({ apiKey: 'e2e-8x8-key' })
  nugios = await startNugiosFake({ login: 'desk', password: 'nugios-e2e' })
  tavio = await startTavioFake({
    orgDomain: 'acme',
    username: 'desk',
    password: 'tavio-e2e',
    envDomain: '',
    clientId: 'c',
    clientSecret: 's',
  })
  host = await startWebHostProcess({ args: ['--demo'] })
  context = await launchChromium()
  page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(host.url)
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-in', {
    timeout: 30_000,
  })
})

test.afterAll(async () => {
  await context?.close()
  await host?.stop()
  await eight?.close()
  await nugios?.close()
  await tavio?.close()
})

async function addConnection(scheme: string, fields: Record<string, string>, secret: string): Promise<void> {
  await page.getByTestId('connection-add').click()
  await page.getByTestId('connection-scheme').selectOption(scheme)
  for (const [key, value] of Object.entries(fields)) await page.getByTestId(`connection-${key}`).fill(value)
  await page.getByTestId('connection-secret').fill(secret)
  await page.getByTestId('connection-save').click()
  await expect(page.getByTestId('connection-form')).toHaveCount(0)
}

const row = (name: string) => page.getByTestId('connection-row').filter({ hasText: name })

test('adds an 8x8 connection and tests it: Bearer API key, no renewal', async () => {
  await page.getByTestId('open-connections').click()
  await expect(page.getByTestId('connections-dialog')).toBeVisible()
  await addConnection('8x8-video', { name: 'Video desk', baseUrl: eight.url }, 'e2e-8x8-key')
  await row('Video desk').getByTestId('connection-test').click()
  const result = row('Video desk').getByTestId('connection-test-result')
  await expect(result).toBeVisible()
  await expect(result).toContainText('8x8 Video Interaction')
  await expect(row('Video desk').getByTestId('connection-next-renewal')).toContainText('never')
  await expect(row('Video desk')).toHaveAttribute('data-phase', 'connected')
  expect(eight.requests.at(-1)?.headers.authorization).toBe('Bearer e2e-8x8-key')
})

test('a Nugios connection: a wrong password is shown, the fixed one shows a 30-day lifetime', async () => {
  await addConnection(
    'nugios',
    { name: 'Nugios desk', baseUrl: nugios.url, login: 'desk', timezone: '-360' },
    'wrong',
  )
  await row('Nugios desk').getByTestId('connection-test').click()
  await expect(row('Nugios desk').getByTestId('connection-error')).toContainText('Invalid login or password')
  // Adding a connection did not wipe the earlier test's result of the other one.
  await expect(row('Video desk').getByTestId('connection-test-result')).toContainText('8x8 Video Interaction')
  await row('Nugios desk').getByTestId('connection-edit').click()
  await page.getByTestId('connection-secret').fill('nugios-e2e')
  await page.getByTestId('connection-save').click()
  await row('Nugios desk').getByTestId('connection-test').click()
  await expect(row('Nugios desk').getByTestId('connection-lifetime')).toHaveAttribute(
    'data-seconds',
    String(30 * 86_400),
  )
  await expect(row('Nugios desk').getByTestId('connection-lifetime')).toContainText('documented lifetime')
  await expect(row('Nugios desk').getByTestId('connection-next-renewal')).toContainText('refresh token')
  expect(nugios.requests.at(-1)?.headers['x-nugios-timezone']).toBe('-360')
  const settings = await import('node:fs/promises').then((fs) =>
    fs.readFile(`${host.dataDir}/settings.json`, 'utf8'),
  )
  expect(settings).toContain('Nugios desk')
  expect(settings).not.toContain('nugios-e2e')
  expect(settings).not.toContain('e2e-8x8-key')
  await page.getByTestId('connections-dialog').screenshot({ path: 'docs/screenshots/connections.png' })
})

test('a path override is used, and clearing it returns to the documented path', async () => {
  await row('Nugios desk').getByTestId('connection-edit').click()
  const advanced = page.getByTestId('connection-advanced')
  await expect(advanced).not.toHaveAttribute('open', '')
  await advanced.locator('summary').click()
  await expect(page.getByTestId('connection-override-path-login')).toHaveAttribute(
    'placeholder',
    '/api/auth/login',
  )
  await page.getByTestId('connection-override-path-login').fill('api/v9/login')
  await page.getByTestId('connection-save').click()
  await expect(page.getByTestId('connection-form-error')).toContainText('A path override starts with /')
  await page.getByTestId('connection-override-path-login').fill('/api/v9/login')
  await page.getByTestId('connections-dialog').screenshot({
    path: 'test-results/connection-overrides.png',
  })
  await page.getByTestId('connection-save').click()
  await expect(page.getByTestId('connection-form')).toHaveCount(0)
  await row('Nugios desk').getByTestId('connection-test').click()
  await expect(row('Nugios desk').getByTestId('connection-error')).toContainText('/api/v9/login')
  expect(nugios.requests.at(-1)?.path).toBe('/api/v9/login')

  await row('Nugios desk').getByTestId('connection-edit').click()
  await expect(page.getByTestId('connection-advanced')).toHaveAttribute('open', '')
  await page.getByTestId('connection-override-path-login').fill('')
  await page.getByTestId('connection-save').click()
  await row('Nugios desk').getByTestId('connection-test').click()
  await expect(row('Nugios desk')).toHaveAttribute('data-phase', 'connected')
  expect(nugios.requests.at(-1)?.path).toBe('/api/auth/login')
})

test('removes a connection', async () => {
  await addConnection('agora', { name: 'Agora spare', appId: 'abc' }, '007token')
  await expect(row('Agora spare')).toHaveCount(1)
  await row('Agora spare').getByTestId('connection-remove').click()
  await expect(row('Agora spare')).toHaveCount(0)
})

test('health panel lists the connections and their state', async () => {
  await page.getByTestId('connections-close').click()
  await page.getByTestId('open-health').click()
  const card = page.getByTestId('health-connections')
  await expect(card.getByTestId('health-connection')).toHaveCount(2)
  await expect(card).toContainText('Nugios desk')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('health-panel')).toHaveCount(0)
})

test('Video call driver: validated, creates a room, shows its 15-minute validity, remembers the phone', async () => {
  await page.getByTestId('device-row').first().click()
  const panel = page.getByTestId('asset-detail')
  await expect(panel.getByTestId('video-call')).toBeVisible()
  await panel.getByTestId('video-phone').fill('5512345678')
  await panel.getByTestId('video-call-driver').click()
  await expect(panel.getByTestId('video-error')).toContainText('country code')
  await panel.getByTestId('video-reference').fill('1234567')
  await panel.getByTestId('video-phone').fill('+5215512345678')
  await panel.getByTestId('video-call-driver').click()
  await expect(panel.getByTestId('video-error')).toContainText('at least 8')
  // A Spanish desk gets the same checks in Spanish.
  await page.getByTestId('language-es-MX').click()
  await panel.getByTestId('video-reference').fill('FM-E2E-0001-TOO-LONGX')
  await panel.getByTestId('video-call-driver').click()
  await expect(panel.getByTestId('video-error')).toHaveText(
    'La referencia de llamada debe tener como máximo 20 caracteres',
  )
  await page.getByTestId('language-en').click()
  expect(eight.rooms).toHaveLength(0)
  await panel.getByTestId('video-reference').fill('FM-E2E-0001')
  await panel.getByTestId('video-call-driver').click()
  await expect(panel.getByTestId('video-room')).toContainText('Room created for +5215512345678')
  await expect(panel.getByTestId('video-room')).toContainText('15 min')
  expect(eight.rooms).toEqual([{ phone_number: '+5215512345678', call_reference: 'FM-E2E-0001' }])
  await page.screenshot({ path: 'test-results/connections-video-call.png' })
  const assetId = await panel.getAttribute('data-asset-id')
  await page.getByTestId('device-row').nth(1).click()
  await expect(panel).not.toHaveAttribute('data-asset-id', assetId ?? '')
  await page.locator(`[data-testid="device-row"]`).first().click()
  await expect(panel.getByTestId('video-phone')).toHaveValue('+5215512345678')
})

test('a renewal that fails shows its retry live, then clears when the retry works', async () => {
  // Short-lived tokens renew at half-life: the status of a renewal in the background reaches the row
  // through the connections:status push, without the user pressing anything.
  tavio.tavioFaults.lifetimeSeconds = 6
  await page.getByTestId('open-connections').click()
  await addConnection(
    'tavio',
    { name: 'Tavio desk', baseUrl: tavio.url, orgDomain: 'acme', username: 'desk' },
    'tavio-e2e',
  )
  tavio.tavioFaults.emptyRenew = true
  await row('Tavio desk').getByTestId('connection-test').click()
  await expect(row('Tavio desk')).toHaveAttribute('data-phase', 'connected')
  await expect(row('Tavio desk').getByTestId('connection-retry')).toContainText('retry 1 of 3', {
    timeout: 10_000,
  })
  await expect(row('Tavio desk')).toHaveAttribute('data-phase', 'renewing')
  await row('Tavio desk').screenshot({ path: 'test-results/connection-retry.png' })
  tavio.tavioFaults.emptyRenew = false
  await expect(row('Tavio desk').getByTestId('connection-retry')).toHaveCount(0, { timeout: 10_000 })
  await expect(row('Tavio desk')).toHaveAttribute('data-phase', 'connected')
  await row('Tavio desk').getByTestId('connection-remove').click()
  await expect(row('Tavio desk')).toHaveCount(0)
})
