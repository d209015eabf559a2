import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import type { NugiosFake } from '../fakes/fake-nugios'
import { NUGIOS_TEST_PATHS, startNugiosFake } from '../fakes/fake-nugios'
import type { TavioFake } from '../fakes/fake-tavio'
import { startTavioFake } from '../fakes/fake-tavio'
import { expect, openDesk, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

// The Connections dialog and the 8x8 Video call, end to end in the browser host, against vendor fakes
// started by the test. The 8x8 fake also plays the Agent Portal: a connection's base URL is where both
// the API and the portal live (video-agent.8x8.com), so pointing it at the fake makes the fake the
// portal's stand-in. The demo gives the asset detail panel a fleet to act on.
let desk: RunningDesk
let eight: EightByEightFake
let nugios: NugiosFake
let tavio: TavioFake
/** Every contract frame of the run, both ways: the 8x8 token must never be among them. */
const frames: string[] = []

const recordFrames = (page: Page): void => {
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => frames.push(String(frame.payload)))
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)))
  })
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  eight = await startEightByEightFake({ apiKey: 'e2e-8x8-key', agents: ['agent.one'] })
  nugios = await startNugiosFake({ login: 'desk', password: 'nugios-e2e' })
  tavio = await startTavioFake({
    orgDomain: 'acme',
    username: 'desk',
    password: 'tavio-e2e',
    envDomain: '',
    clientId: 'c',
    clientSecret: 's',
  })
  desk = await openDesk({ args: ['--demo'], alsoClose: [eight, nugios, tavio], onPage: recordFrames })
  desk.acceptDialogs()
  await expect(desk.header.session).toHaveState('signed-in', { timeout: 30_000 })
})

test.afterAll(async () => {
  await desk?.close()
})

test('adds an 8x8 connection: a key pasted with "Bearer " is fixed in one click; the test shows its answer, token hidden', async () => {
  const { connections } = desk
  const { form } = connections
  await connections.open()
  await expect(connections.root).toBeVisible()
  await connections.fillNew(
    '8x8-video',
    { name: 'Video desk', baseUrl: eight.url, agentLogin: 'agent.one' },
    'Bearer e2e-8x8-key',
  )
  await form.save()
  await expect(form.error).toContainText('Remove the word in front')
  await form.removeSchemeWord()
  await expect(form.secret).toHaveValue('e2e-8x8-key')
  await form.save()
  await expect(form.root).toHaveCount(0)
  const video = connections.row('Video desk')
  await video.test()
  await expect(video.testResult).toContainText('8x8 Video Interaction')
  await expect(video.nextRenewal).toContainText('never')
  await expect(video.root).toHavePhase('connected')
  await expect(video.answer).toHaveAttribute('data-status', '200')
  await expect(video.answer).toContainText('{"auth_token":"•••"}')
  await expect(video.answer).not.toContainText(eight.issued.at(-1)?.token ?? 'none issued')
  expect(eight.requests.at(-1)?.headers.authorization).toBe('Bearer e2e-8x8-key')
})

test('a Nugios connection: the paths its document leaves blank are asked for; the refresh token’s end is shown', async () => {
  const { connections } = desk
  const { form } = connections
  await connections.fillNew(
    'nugios',
    { name: 'Nugios desk', baseUrl: nugios.url, login: 'desk', timezone: '-360' },
    'wrong',
  )
  await expect(form.requiredPath('login')).toHaveAttribute('placeholder', 'e.g. /api/auth/login')
  await expect(form.requiredPath('login')).toHaveValue('')
  await expect(form.hint('timezone')).toContainText(
    'Sends X-nugios-timezone: -360 (minutes east of UTC: UTC-06:00)',
  )
  await form.save()
  await expect(form.error).toContainText(
    'Enter the login path: Nugios’ document leaves its request URL blank',
  )
  await form.requiredPath('login').fill(NUGIOS_TEST_PATHS.login)
  await form.requiredPath('refresh').fill(NUGIOS_TEST_PATHS.refresh)
  await form.save()
  await expect(form.root).toHaveCount(0)
  const row = connections.row('Nugios desk')
  await row.test()
  await expect(row.error).toContainText('Invalid login or password')
  // Adding a connection did not wipe the earlier test's result of the other one.
  await expect(connections.row('Video desk').testResult).toContainText('8x8 Video Interaction')
  await row.edit()
  await form.secret.fill('nugios-e2e')
  await form.save()
  await row.test()
  await expect(row.lifetime).toHaveAttribute('data-seconds', String(30 * 86_400))
  await expect(row.lifetime).toContainText('documented lifetime')
  await expect(row.nextRenewal).toContainText('refresh token')
  await expect(row.refreshEnds).toContainText('29 d 23 h')
  const login = nugios.requests.find((r) => r.path === NUGIOS_TEST_PATHS.login && r.body !== null)
  expect(login?.headers).toMatchObject({ 'content-type': 'application/json', 'x-nugios-timezone': '-360' })
  expect(nugios.requests.some((r) => r.path.startsWith('/api/auth'))).toBe(false)
  const settings = await readFile(`${desk.host.dataDir}/settings.json`, 'utf8')
  expect(settings).toContain('Nugios desk')
  expect(settings).not.toContain('nugios-e2e')
  expect(settings).not.toContain('e2e-8x8-key')
  await connections.root.screenshot({ path: 'docs/screenshots/connections.png' })
})

test('Nugios says the password expired, in English and in Spanish', async () => {
  const { connections } = desk
  const row = connections.row('Nugios desk')
  nugios.nugiosFaults.passwordExpired = true
  await row.test()
  await expect(row.root).toHavePhase('needs-attention')
  await expect(row.error).toContainText(
    'Nugios says the password of "desk" has expired. Change it in Nugios, then enter the new one in this connection.',
  )
  await expect(row.error).not.toContainText('accessToken')
  await row.root.screenshot({ path: 'test-results/nugios-password-expired-en.png' })
  await connections.close()
  await desk.header.switchLanguage('es-MX')
  await connections.open()
  await expect(row.error).toContainText(
    'Nugios indica que la contraseña de "desk" expiró. Cámbiala en Nugios y luego escribe la nueva en esta conexión.',
  )
  await row.root.screenshot({ path: 'test-results/nugios-password-expired-es-mx.png' })
  await connections.close()
  await desk.header.switchLanguage('en')
  await connections.open()
  nugios.nugiosFaults.passwordExpired = false
  await row.test()
  await expect(row.root).toHavePhase('connected')
})

test('Advanced: a test-path override is used and its answer shown; clearing it makes obtaining the test', async () => {
  const { connections } = desk
  const { form } = connections
  const row = connections.row('Nugios desk')
  await row.edit()
  await expect(form.advanced).not.toHaveAttribute('open', '')
  await form.openAdvanced()
  await expect(form.pathOverride('test')).toHaveAttribute('placeholder', '(none)')
  await form.pathOverride('test').fill('api/me')
  await form.save()
  await expect(form.error).toContainText('A path override starts with /')
  await form.pathOverride('test').fill('/api/me')
  await connections.root.screenshot({ path: 'test-results/connection-overrides.png' })
  await form.save()
  await expect(form.root).toHaveCount(0)
  await row.test()
  await expect(row.testResult).toContainText('GET /api/me → 200')
  await expect(row.answer).toContainText('{"login":"desk","timezone":-360}')
  expect(nugios.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/me' })
  expect(nugios.requests.at(-1)?.headers['content-type']).toBe('application/json')

  await row.edit()
  await expect(form.advanced).toHaveAttribute('open', '')
  await form.pathOverride('test').fill('')
  await form.save()
  await row.test()
  await expect(row.root).toHavePhase('connected')
  await expect(row.answer).toHaveCount(0)
  expect(nugios.requests.at(-1)?.path).toBe(NUGIOS_TEST_PATHS.login)
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

test('Video call: validated, then the Agent Portal opens in a new tab signed in, the room counting down', async () => {
  await desk.devices.row(0).select()
  const panel = desk.asset
  const video = panel.videoCall
  await expect(video.root).toBeVisible()
  await expect(video.agentLogin).toContainText('agent.one')
  await video.call({ phone: '5512345678' })
  await expect(video.error).toContainText('country code')
  await video.call({ reference: '1234567', phone: '+5215512345678' })
  await expect(video.error).toContainText('at least 8')
  // A Spanish desk gets the same checks in Spanish.
  await desk.header.switchLanguage('es-MX')
  await video.call({ reference: 'FM-E2E-0001-TOO-LONGX' })
  await expect(video.error).toHaveText('La referencia de llamada debe tener como máximo 20 caracteres')
  await desk.header.switchLanguage('en')
  expect(eight.requests.filter((r) => r.body !== null)).toHaveLength(0)

  const tab = await video.callAndOpenPortal({ reference: 'FM-E2E-0001' })
  await tab.waitForURL((url) => url.searchParams.has('token'))
  const token = eight.issued.at(-1)?.token ?? 'none issued'
  const portal = new URL(tab.url())
  expect(portal.origin).toBe(new URL(eight.url).origin)
  expect(Object.fromEntries(portal.searchParams)).toEqual({ user: 'agent.one', token })
  await expect(tab.locator('#portal')).toHaveText('Agent Portal stand-in: agent.one signed in')
  expect(eight.rooms.at(-1)).toEqual({ phone_number: '+5215512345678', call_reference: 'FM-E2E-0001' })
  // 8x8 texts the link when the agent signs in, as the document says.
  expect(eight.sms).toEqual([{ to: '+5215512345678', callReference: 'FM-E2E-0001' }])
  await expect(video.room).toContainText('The Agent Portal opened in a new tab.')
  await expect(video.room).toContainText('8x8 texts the link to +5215512345678 when the agent signs in.')
  await expect(video.countdown).toContainText(/Room valid for 1[45]:\d\d more/)
  const left = Number(await video.countdown.getAttribute('data-left-ms'))
  await expect.poll(async () => Number(await video.countdown.getAttribute('data-left-ms'))).toBeLessThan(left)
  await desk.screenshot('test-results/connections-video-call.png')
  await tab.close()
  // The token went from main to the one-time link's redirect, never through the contract.
  expect(frames.length).toBeGreaterThan(0)
  expect(frames.some((frame) => frame.includes(token))).toBe(false)

  const assetId = await panel.assetId()
  await desk.devices.row(1).select()
  await expect(panel.root).not.toHaveAttribute('data-asset-id', assetId ?? '')
  await desk.devices.row(0).select()
  await expect(video.phone).toHaveValue('+5215512345678')
})

test('Video call without a room or a phone: agent sign-in only, and a room whose link the desk sends itself', async () => {
  const video = desk.asset.videoCall
  const rooms = eight.rooms.length
  await video.createRoom.uncheck()
  const signIn = await video.callAndOpenPortal()
  await signIn.waitForURL((url) => url.searchParams.has('token'))
  await expect(signIn.locator('#portal')).toHaveText('Agent Portal stand-in: agent.one signed in')
  await signIn.close()
  expect(eight.rooms).toHaveLength(rooms)
  await expect(video.room).toContainText('signed in as agent.one. No room was created.')
  await expect(video.countdown).toHaveCount(0)

  await video.createRoom.check()
  const tab = await video.callAndOpenPortal({ phone: '', reference: '' })
  await tab.waitForURL((url) => url.searchParams.has('token'))
  await tab.close()
  expect(eight.rooms.at(-1)).toEqual({})
  await expect(video.room).toContainText('No SMS goes out: send the driver the link from the Agent Portal.')
  await expect(video.countdown).toBeVisible()
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
