import { generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WebhookRecord } from '../../shared/schemas/settings'
import { FleetApp } from '../../core/app/fleet-app'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import type { Clock } from '../../core/ports/clock'
import { noPowerEvents } from '../../core/ports/power-events'
import type { ConnectRelay } from '../../core/ports/relay-link'
import { SettingsStore } from '../../core/settings/settings-store'
import { startDemoServer } from '../../tools/simulator/demo-server'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator, SimulatorOptions } from '../../tools/simulator/simulator'
import { MemorySecretStore } from '../fakes/fake-secret-store'
import { sourceHistoryWorker } from './history-worker-kit'

/** A fixed seed keeps ids and motion reproducible; ticking is left to the test unless it asks. */
export function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ seed: 4242, autoTick: false, ...options })
}

/** A MemorySecretStore that also remembers every write, so a test can prove nothing was stored. */
export class RecordingSecretStore extends MemorySecretStore {
  readonly writes: { account: string; secret: string }[] = []

  override set(account: string, secret: string): Promise<void> {
    this.writes.push({ account, secret })
    return super.set(account, secret)
  }
}

export interface TestApp {
  app: FleetApp
  dataDir: string
  secrets: RecordingSecretStore
  /** Stops the app and removes its data folder (unless keepDataDir). */
  close(options?: { keepDataDir?: boolean }): Promise<void>
}

export interface TestAppOptions {
  apiUrl: string
  /** Default 0: any free port. */
  listenerPort?: number
  dataDir?: string
  clock?: Clock
  /** Webhook records written to settings.json before start (what a previous run registered). */
  webhooks?: WebhookRecord[]
  /** How the desk reaches a relay (a FakeRelayLink in tests of the feed). */
  connectRelay?: ConnectRelay
  /** Records the shift's history in the data folder (the worker from source), as both hosts do. */
  history?: boolean
}

/** Builds and starts a FleetApp exactly as the browser host does, with in-memory ports. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'fleet-integration-')))
  if (options.webhooks) {
    const records = options.webhooks
    const store = new SettingsStore(dataDir, silentLogger)
    await store.load()
    await store.update((s) => ({ ...s, webhooks: [...s.webhooks, ...records] }))
  }
  const secrets = new RecordingSecretStore()
  const app = new FleetApp({
    dataDir,
    host: 'web',
    apiUrlOverride: options.apiUrl,
    listenerPortOverride: options.listenerPort ?? 0,
    secretStore: secrets,
    powerEvents: noPowerEvents,
    clock: options.clock ?? systemClock,
    logger: silentLogger,
    startDemoServer,
    ...(options.connectRelay && { connectRelay: options.connectRelay }),
    ...(options.history && { historyWorker: sourceHistoryWorker() }),
  })
  await app.start()
  return {
    app,
    dataDir,
    secrets,
    async close(closeOptions = {}) {
      await app.stop()
      app.session.dispose()
      if (!closeOptions.keepDataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** A port that was free a moment ago (for a listener that must keep its port across two app runs). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A key pair standing in for a webhook's: the test signs bodies the listener must accept or refuse. */
export function createTestWebhookKey(apiUrl: string): { record: WebhookRecord; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const record: WebhookRecord = {
    webhookId: 'test-webhook',
    name: 'integration test key',
    postUrl: 'https://fleet.example.com/tagora/events',
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyAlgorithm: 'ed25519',
    createdAt: new Date(0).toISOString(),
    apiUrl,
  }
  return { record, privateKey }
}

export function signBody(body: string, key: KeyObject): string {
  return sign(null, Buffer.from(body), key).toString('base64')
}

/** POSTs raw text to the listener the way Tagora would; `signature` null sends no header. */
export async function postTelemetry(
  url: string,
  body: string,
  signature: string | null,
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (signature !== null) headers['X-Tagora-Signature'] = signature
  const response = await fetch(url, { method: 'POST', headers, body })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: response.status, json }
}

/** The listener URL of a started app; fails the test when the listener is not up. */
export function listenerUrl(app: FleetApp): string {
  const url = app.telemetry.localUrl()
  if (!url) throw new Error(`listener not listening: ${JSON.stringify(app.telemetry.listenerState())}`)
  return url
}
