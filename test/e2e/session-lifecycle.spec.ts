import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { startPrivateKeychain } from '../support/private-keychain'
import type { Keychain } from '../support/private-keychain'
import { startRecordingProxy } from '../support/recording-proxy'
import type { RecordingProxy } from '../support/recording-proxy'
import { expect, openDesk, test } from './desk/desk-test'
import type { RunningDesk } from './desk/desk-test'

// A whole session in the browser host against the simulator: keep-me-signed-in through a real
// (private) gnome-keyring, renewals every few seconds, a host restart, a retry banner, a revoked
// renewToken, sign-out. Every contract frame is recorded, and no token may appear in any of them.

/** Short tokens so renewals happen within the test: renewal at half-life, every ~10 s. */
const TOKEN_TTL_SEC = 20

test.describe.serial('session lifecycle in the browser host', () => {
  let keychain: Keychain
  let sim: Simulator
  let proxy: RecordingProxy
  let desk: RunningDesk
  /** Every contract frame, both directions, of every page of the run. */
  const frames: string[] = []

  const recordFrames = (page: Page): void => {
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => frames.push(String(frame.payload)))
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)))
    })
  }

  /** Waits until the header shows a token issued after `after` (a renewal reached the renderer). */
  const waitForRenewal = async (after: number): Promise<number> => {
    await expect.poll(() => desk.header.sessionExpiresAt(), { timeout: 30_000 }).toBeGreaterThan(after)
    return desk.header.sessionExpiresAt()
  }

  test.beforeAll(async () => {
    keychain = await startPrivateKeychain()
    sim = await startSimulator({ vehicles: 2, devices: 4, autoTick: false, accessTokenTtlSec: TOKEN_TTL_SEC })
    proxy = await startRecordingProxy(sim)
    desk = await openDesk({
      apiUrl: proxy.apiBaseUrl,
      env: keychain.env,
      dataDir: mkdtempSync(join(tmpdir(), 'fleet-session-data-')),
      onPage: recordFrames,
    })
  })

  test.afterAll(async () => {
    await desk?.close()
    await proxy?.close()
    await sim?.close()
    keychain?.stop()
  })

  test('signs in with keep me signed in, renews silently, and survives a host restart', async () => {
    test.setTimeout(120_000)
    const { email } = sim.credentials
    await expect(desk.header.session).toHaveState('signed-out')
    await expect(desk.login.remember).toBeEnabled()
    await desk.login.signIn(sim.credentials, { remember: true })
    await expect(desk.header.session).toHaveState('signed-in')
    await expect(desk.header.session).toContainText(email)
    await expect(desk.header.session).toHaveAttribute('title', /Session token expires in \d+:\d\d/)

    // Two silent renewals; the screen stays on the map throughout.
    let seen = await waitForRenewal(await desk.header.sessionExpiresAt())
    seen = await waitForRenewal(seen)
    expect(proxy.renewals()).toBeGreaterThanOrEqual(2)
    await expect(desk.login.submitButton).toHaveCount(0)

    // Restart right after a renewal, so no renewal is cut in half by the stop.
    await waitForRenewal(seen)
    await desk.restartHost()
    await expect(desk.header.session).toHaveState(/signed-in|renewing/)
    await expect(desk.header.session).toContainText(email)
    await expect(desk.login.submitButton).toHaveCount(0)
  })

  test('shows a banner while renewal retries run, then carries on', async () => {
    test.setTimeout(90_000)
    sim.faults.failNext({ route: 'renew', status: 503, count: 1 })
    const banner = desk.header.renewalBanner
    await expect(banner).toBeVisible({ timeout: 30_000 })
    await expect(banner).toContainText('Could not renew your session')
    await expect(banner).toContainText(/Retry 1 of 3/)
    await expect(banner).toBeHidden({ timeout: 20_000 })
    await expect(desk.header.session).toHaveState(/signed-in|renewing/)
  })

  test('a revoked renewToken returns to the login screen with the reason and the email kept', async () => {
    test.setTimeout(90_000)
    sim.fleet.revokeRenewTokens()
    const { login } = desk
    await expect(login.signedOutReason).toBeVisible({ timeout: 30_000 })
    await expect(login.signedOutReason).toHaveCode('renewal-refused')
    await expect(login.signedOutReason).toContainText(
      'You were signed out because Tagora refused to renew your session.',
    )
    await expect(login.signedOutDetail).toContainText(/request [\w-]+/)
    await expect(login.email).toHaveValue(sim.credentials.email)
    await expect(desk.header.session).toHaveState('signed-out')

    // The refused sign-in was deleted from the keychain: a restart does not sign in.
    await desk.restartHost()
    await expect(desk.header.session).toHaveState('signed-out')
    await expect(desk.login.email).toHaveValue(sim.credentials.email)
  })

  test('sign-in and sign-out again; no token ever crossed the contract', async () => {
    await desk.login.signInAgain(sim.credentials.password)
    await expect(desk.header.session).toHaveState('signed-in')
    await waitForRenewal(await desk.header.sessionExpiresAt())
    await desk.header.signOut()
    await expect(desk.header.session).toHaveState('signed-out')
    await expect(desk.login.signedOutReason).toHaveCount(0)

    // The recording covers the whole story: sign-ins, renewals, restarts, the revocation, sign-out.
    const traffic = frames.join('\n')
    expect(traffic).toContain('session:sign-in')
    expect(traffic).toContain('session:sign-out')
    expect(traffic).toContain('renewal-refused')
    expect(proxy.tokens.size).toBeGreaterThanOrEqual(10)
    const leaked = [...proxy.tokens].filter((token) => traffic.includes(token))
    expect(leaked).toEqual([])
    expect(traffic).not.toMatch(/eyJ[\w-]*\.[\w-]+\.[\w-]*/)
    expect(traffic).not.toMatch(/"(accessToken|renewToken)"/)
  })
})
