import { readFile } from 'node:fs/promises'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import type { NugiosFake } from '../fakes/fake-nugios'
import { startNugiosFake } from '../fakes/fake-nugios'
import type { TavioFake } from '../fakes/fake-tavio'
import { startTavioFake } from '../fakes/fake-tavio'
import { expect, openDesk, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

// The Connections dialog and the 8x8 action, end to end in the browser host, against vendor fakes
// started by the test. The demo gives the asset detail panel a fleet to act on.
let desk: RunningDesk
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
  desk = await openDesk({ args: ['--demo'], alsoClose: [eight, nugios, tavio] })
  desk.acceptDialogs()
  await expect(desk.header.session).toHaveState('signed-in', { timeout: 30_000 })
})

test.afterAll(async () => {
  await desk?.close()
})

test('adds an 8x8 connection and tests it: Bearer API key, no renewal', async () => {
  const { connections } = desk
  await connections.open()
  await expect(connections.root).toBeVisible()
  await connections.add('8x8-video', { name: 'Video desk', baseUrl: eight.url }, 'e2e-8x8-key')
  const video = connections.row('Video desk')
  await video.test()
  await expect(video.testResult).toBeVisible()
  await expect(video.testResult).toContainText('8x8 Video Interaction')
  await expect(video.nextRenewal).toContainText('never')
  await expect(video.root).toHavePhase('connected')
  expect(eight.requests.at(-1)?.headers.authorization).toBe('Bearer e2e-8x8-key')
})

test('a Nugios connection: a wrong password is shown, the fixed one shows a 30-day lifetime', async () => {
  const { connections } = desk
  await connections.add(
    'nugios',
    { name: 'Nugios desk', baseUrl: nugios.url, login: 'desk', timezone: '-360' },
    'wrong',
  )
  const row = connections.row('Nugios desk')
  await row.test()
  await expect(row.error).toContainText('Invalid login or password')
  // Adding a connection did not wipe the earlier test's result of the other one.
  await expect(connections.row('Video desk').testResult).toContainText('8x8 Video Interaction')
  await row.edit()
  await connections.form.secret.fill('nugios-e2e')
  await connections.form.save()
  await row.test()
  await expect(row.lifetime).toHaveAttribute('data-seconds', String(30 * 86_400))
  await expect(row.lifetime).toContainText('documented lifetime')
  await expect(row.nextRenewal).toContainText('refresh token')
  expect(nugios.requests.at(-1)?.headers['x-nugios-timezone']).toBe('-360')
  const settings = await readFile(`${desk.host.dataDir}/settings.json`, 'utf8')
  expect(settings).toContain('Nugios desk')
  expect(settings).not.toContain('nugios-e2e')
  expect(settings).not.toContain('e2e-8x8-key')
  await connections.root.screenshot({ path: 'docs/screenshots/connections.png' })
})

test('a path override is used, and clearing it returns to the documented path', async () => {
  const { connections } = desk
  const { form } = connections
  const row = connections.row('Nugios desk')
  await row.edit()
  await expect(form.advanced).not.toHaveAttribute('open', '')
  await form.openAdvanced()
  await expect(form.pathOverride('login')).toHaveAttribute('placeholder', '/api/auth/login')
  await form.pathOverride('login').fill('api/v9/login')
  await form.save()
  await expect(form.error).toContainText('A path override starts with /')
  await form.pathOverride('login').fill('/api/v9/login')
  await connections.root.screenshot({ path: 'test-results/connection-overrides.png' })
  await form.save()
  await expect(form.root).toHaveCount(0)
  await row.test()
  await expect(row.error).toContainText('/api/v9/login')
  expect(nugios.requests.at(-1)?.path).toBe('/api/v9/login')

  await row.edit()
  await expect(form.advanced).toHaveAttribute('open', '')
  await form.pathOverride('login').fill('')
  await form.save()
  await row.test()
  await expect(row.root).toHavePhase('connected')
  expect(nugios.requests.at(-1)?.path).toBe('/api/auth/login')
})

test('removes a connection', async () => {
  const { connections } = desk
  await connections.add('agora', { name: 'Agora spare', appId: 'abc' }, '007token')
  const spare = connections.row('Agora spare')
  await expect(spare.root).toHaveCount(1)
  await spare.remove()
  await expect(spare.root).toHaveCount(0)
})

test('health panel lists the connections and their state', async () => {
  await desk.connections.close()
  const { health } = desk
  await health.open()
  await expect(health.connectionEntries).toHaveCount(2)
  await expect(health.connections).toContainText('Nugios desk')
  await health.closeWithEscape()
  await expect(health.root).toHaveCount(0)
})

test('Video call driver: validated, creates a room, shows its 15-minute validity, remembers the phone', async () => {
  await desk.devices.row(0).select()
  const panel = desk.asset
  const video = panel.videoCall
  await expect(video.root).toBeVisible()
  await video.callDriver({ phone: '5512345678' })
  await expect(video.error).toContainText('country code')
  await video.callDriver({ reference: '1234567', phone: '+5215512345678' })
  await expect(video.error).toContainText('at least 8')
  // A Spanish desk gets the same checks in Spanish.
  await desk.header.switchLanguage('es-MX')
  await video.callDriver({ reference: 'FM-E2E-0001-TOO-LONGX' })
  await expect(video.error).toHaveText('La referencia de llamada debe tener como máximo 20 caracteres')
  await desk.header.switchLanguage('en')
  expect(eight.rooms).toHaveLength(0)
  await video.callDriver({ reference: 'FM-E2E-0001' })
  await expect(video.room).toContainText('Room created for +5215512345678')
  await expect(video.room).toContainText('15 min')
  expect(eight.rooms).toEqual([{ phone_number: '+5215512345678', call_reference: 'FM-E2E-0001' }])
  await desk.screenshot('test-results/connections-video-call.png')
  const assetId = await panel.assetId()
  await desk.devices.row(1).select()
  await expect(panel.root).not.toHaveAttribute('data-asset-id', assetId ?? '')
  await desk.devices.row(0).select()
  await expect(video.phone).toHaveValue('+5215512345678')
})

test('a renewal that fails shows its retry live, then clears when the retry works', async () => {
  // Short-lived tokens renew at half-life: the status of a renewal in the background reaches the row
  // through the connections:status push, without the user pressing anything.
  tavio.tavioFaults.lifetimeSeconds = 6
  const { connections } = desk
  await connections.open()
  await connections.add(
    'tavio',
    { name: 'Tavio desk', baseUrl: tavio.url, orgDomain: 'acme', username: 'desk' },
    'tavio-e2e',
  )
  tavio.tavioFaults.emptyRenew = true
  const row = connections.row('Tavio desk')
  await row.test()
  await expect(row.root).toHavePhase('connected')
  await expect(row.retry).toContainText('retry 1 of 3', { timeout: 10_000 })
  await expect(row.root).toHavePhase('renewing')
  await row.root.screenshot({ path: 'test-results/connection-retry.png' })
  tavio.tavioFaults.emptyRenew = false
  await expect(row.retry).toHaveCount(0, { timeout: 10_000 })
  await expect(row.root).toHavePhase('connected')
  await row.remove()
  await expect(row.root).toHaveCount(0)
})
