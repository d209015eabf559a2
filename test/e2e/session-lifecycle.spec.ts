import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'
import type { WebHostProcess } from '../support/web-host-process'

// A whole session in the browser host against the simulator: keep-me-signed-in through a real
// (private) gnome-keyring, renewals every few seconds, a host restart, a retry banner, a revoked
// renewToken, sign-out. Every contract frame is recorded, and no token may appear in any of them.

/** Short tokens so renewals happen within the test: renewal at half-life, every ~10 s. */
const TOKEN_TTL_SEC = 20

interface Keychain {
  env: Record<string, string>
  stop(): void
}

/** A private D-Bus session with an unlocked gnome-keyring; the developer's own keyring is never touched. */
async function startPrivateKeychain(): Promise<Keychain> {
  const scratch = mkdtempSync(join(tmpdir(), 'fleet-keyring-'))
  const runtime = join(scratch, 'run')
  mkdirSync(runtime, { mode: 0o700 })
  const script =
    'echo -n e2e-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
    'echo "BUS=$DBUS_SESSION_BUS_ADDRESS"; exec sleep infinity'
  const child = spawn('dbus-run-session', ['--', 'bash', '-c', script], {
    env: { ...process.env, HOME: scratch, XDG_DATA_HOME: join(scratch, 'data'), XDG_RUNTIME_DIR: runtime },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no keyring session:\n${output}`)), 15_000)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^BUS=(\S+)$/m.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('error', reject)
  })
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    // The whole group: dbus-run-session, its bus and the keyring daemon started inside it.
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    },
  }
}

interface RecordingProxy {
  apiBaseUrl: string
  /** Every accessToken and renewToken the server handed out. */
  tokens: Set<string>
  renewals(): number
  close(): Promise<void>
}

/** Sits between the app and the simulator and remembers every token issued, so the test knows what to look for. */
async function startRecordingProxy(sim: Simulator): Promise<RecordingProxy> {
  const tokens = new Set<string>()
  let renewals = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks)
        const headers: Record<string, string> = {}
        for (const name of ['content-type', 'authorization']) {
          const value = req.headers[name]
          if (typeof value === 'string') headers[name] = value
        }
        const upstream = await fetch(`${sim.url}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers,
          ...(body.length > 0 && { body }),
        })
        const text = await upstream.text()
        if (req.url?.endsWith('/auth/renew')) renewals += 1
        try {
          const data = (JSON.parse(text) as { data?: Record<string, unknown> }).data
          for (const key of ['accessToken', 'renewToken']) {
            const token = data?.[key]
            if (typeof token === 'string') tokens.add(token)
          }
        } catch {
          // Not JSON: nothing to record.
        }
        const forward: Record<string, string> = {}
        for (const name of ['content-type', 'date', 'x-request-id']) {
          const value = upstream.headers.get(name)
          if (value) forward[name] = value
        }
        res.writeHead(upstream.status, forward)
        res.end(text)
      })().catch(() => {
        res.writeHead(502)
        res.end()
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/integration/v1`,
    tokens,
    renewals: () => renewals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

test.describe.serial('session lifecycle in the browser host', () => {
  let keychain: Keychain
  let sim: Simulator
  let proxy: RecordingProxy
  let host: WebHostProcess
  let context: BrowserContext
  let page: Page
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-session-data-'))
  /** Every contract frame, both directions, of every page of the run. */
  const frames: string[] = []

  const startHost = async (): Promise<void> => {
    host = await startWebHostProcess({
      dataDir,
      env: { ...keychain.env, TAGORA_API_URL: proxy.apiBaseUrl },
    })
  }

  const openPage = async (): Promise<void> => {
    page = await context.newPage()
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => frames.push(String(frame.payload)))
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)))
    })
    await page.goto(host.url)
  }

  const status = () => page.getByTestId('session-status')
  const expiresAt = async () => Number(await status().getAttribute('data-expires-at'))

  /** Waits until the header shows a token issued after `after` (a renewal reached the renderer). */
  const waitForRenewal = async (after: number): Promise<number> => {
    await expect.poll(expiresAt, { timeout: 30_000 }).toBeGreaterThan(after)
    return expiresAt()
  }

  test.beforeAll(async () => {
    keychain = await startPrivateKeychain()
    sim = await startSimulator({ vehicles: 2, devices: 4, autoTick: false, accessTokenTtlSec: TOKEN_TTL_SEC })
    proxy = await startRecordingProxy(sim)
    await startHost()
    context = await launchChromium()
    await openPage()
  })

  test.afterAll(async () => {
    await context?.close()
    await host?.stop()
    await proxy?.close()
    await sim?.close()
    keychain?.stop()
  })

  test('signs in with keep me signed in, renews silently, and survives a host restart', async () => {
    test.setTimeout(120_000)
    const { email, password } = sim.credentials
    await expect(status()).toHaveAttribute('data-state', 'signed-out')
    const remember = page.getByTestId('login-remember')
    await expect(remember).toBeEnabled()
    await page.getByTestId('login-email').fill(email)
    await page.getByTestId('login-password').fill(password)
    await remember.check()
    await page.getByTestId('login-submit').click()
    await expect(status()).toHaveAttribute('data-state', 'signed-in')
    await expect(status()).toContainText(email)
    await expect(status()).toHaveAttribute('title', /Session token expires in \d+:\d\d/)

    // Two silent renewals; the screen stays on the map throughout.
    let seen = await waitForRenewal(await expiresAt())
    seen = await waitForRenewal(seen)
    expect(proxy.renewals()).toBeGreaterThanOrEqual(2)
    await expect(page.getByTestId('login-submit')).toHaveCount(0)

    // Restart right after a renewal, so no renewal is cut in half by the stop.
    await waitForRenewal(seen)
    await page.close()
    await host.stop()
    await startHost()
    await openPage()
    await expect(status()).toHaveAttribute('data-state', /signed-in|renewing/)
    await expect(status()).toContainText(email)
    await expect(page.getByTestId('login-submit')).toHaveCount(0)
  })

  test('shows a banner while renewal retries run, then carries on', async () => {
    test.setTimeout(90_000)
    sim.faults.failNext({ route: 'renew', status: 503, count: 1 })
    const banner = page.getByTestId('renewal-banner')
    await expect(banner).toBeVisible({ timeout: 30_000 })
    await expect(banner).toContainText('Could not renew your session')
    await expect(banner).toContainText(/Retry 1 of 3/)
    await expect(banner).toBeHidden({ timeout: 20_000 })
    await expect(status()).toHaveAttribute('data-state', /signed-in|renewing/)
  })

  test('a revoked renewToken returns to the login screen with the reason and the email kept', async () => {
    test.setTimeout(90_000)
    sim.fleet.revokeRenewTokens()
    const notice = page.getByTestId('signed-out-reason')
    await expect(notice).toBeVisible({ timeout: 30_000 })
    await expect(notice).toHaveAttribute('data-code', 'renewal-refused')
    await expect(notice).toContainText('You were signed out because Tagora refused to renew your session.')
    await expect(page.getByTestId('signed-out-detail')).toContainText(/request [\w-]+/)
    await expect(page.getByTestId('login-email')).toHaveValue(sim.credentials.email)
    await expect(status()).toHaveAttribute('data-state', 'signed-out')

    // The refused sign-in was deleted from the keychain: a restart does not sign in.
    await page.close()
    await host.stop()
    await startHost()
    await openPage()
    await expect(status()).toHaveAttribute('data-state', 'signed-out')
    await expect(page.getByTestId('login-email')).toHaveValue(sim.credentials.email)
  })

  test('sign-in and sign-out again; no token ever crossed the contract', async () => {
    await page.getByTestId('login-password').fill(sim.credentials.password)
    await page.getByTestId('login-submit').click()
    await expect(status()).toHaveAttribute('data-state', 'signed-in')
    await waitForRenewal(await expiresAt())
    await page.getByTestId('sign-out').click()
    await expect(status()).toHaveAttribute('data-state', 'signed-out')
    await expect(page.getByTestId('signed-out-reason')).toHaveCount(0)

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
