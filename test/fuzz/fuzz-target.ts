import { generateKeyPairSync } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe } from '../../shared/errors/describe'
import type { AppSnapshot } from '../../shared/ipc/contract'
import { silentLogger } from '../../core/logging/logger'
import { SettingsStore } from '../../core/settings/settings-store'
import { startWebHostProcess } from '../support/web-host-process'
import type { WebHostProcess } from '../support/web-host-process'
import { ContractClient } from '../support/contract-client'
import { InspectorMemory } from '../support/inspector-memory'
import type { HeapAfterGc } from '../support/inspector-memory'

/** Nothing listens here: the host never reaches a real API during the fuzz run. */
const API_URL = 'http://127.0.0.1:9/integration/v1'

/** A running browser host (a child process) with a webhook key only this run holds. */
export interface FuzzTarget {
  host: WebHostProcess
  origin: string
  webPort: number
  secret: string
  listenerPort: number
  listenerPath: string
  /** Signs bodies the listener must accept: the webhook "registered in an earlier run". */
  signingKey: KeyObject
  /** A contract client that only reads state: the app's own view of what reached the store. */
  observer: ContractClient
  snapshot(): Promise<AppSnapshot>
  /** Resident memory of the host process, from /proc (bytes). */
  rss(): number
  /** The host's heap and external memory after a full collection, through its inspector. */
  heapAfterGc(): Promise<HeapAfterGc>
  stop(): Promise<void>
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fleet-fuzz-'))
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const settings = new SettingsStore(dataDir, silentLogger)
  await settings.load()
  await settings.update((s) => ({
    ...s,
    webhooks: [
      {
        webhookId: 'fuzz-webhook',
        name: 'fuzz suite key',
        postUrl: 'https://fuzz.example.net/tagora/events',
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        keyAlgorithm: 'ed25519',
        createdAt: new Date(0).toISOString(),
        apiUrl: API_URL,
      },
    ],
  }))
  const host = await startWebHostProcess({
    dataDir,
    // The inspector lets the run ask for a full collection before it reads memory (inspector-memory.ts).
    nodeArgs: ['--inspect=127.0.0.1:0'],
    // Errors only: a warning per refused input would make the run about stderr throughput.
    env: { TAGORA_API_URL: API_URL, FLEET_LOG_LEVEL: 'error' },
  })
  const url = new URL(host.url)
  const { secret } = host
  const observer = await ContractClient.open(host.origin, secret)
  const memory = await InspectorMemory.open(host.output())
  const snapshot = async (): Promise<AppSnapshot> => {
    const outcome = await observer.call('app:get-snapshot')
    if (!outcome.ok) throw new Error(`snapshot failed: ${describe(outcome.error, 'en')}`)
    return outcome.value as AppSnapshot
  }
  const listener = (await snapshot()).listener
  if (listener.state !== 'listening' || !listener.url) throw new Error(`listener not up: ${listener.state}`)
  const listenerUrl = new URL(listener.url)
  return {
    host,
    origin: host.origin,
    webPort: Number(url.port),
    secret,
    listenerPort: Number(listenerUrl.port),
    listenerPath: listenerUrl.pathname,
    signingKey: privateKey,
    observer,
    snapshot,
    rss: () => readRss(host.pid),
    heapAfterGc: () => memory.heapAfterGc(),
    async stop() {
      observer.close()
      memory.close()
      await host.stop()
    },
  }
}

/** VmRSS of a live process in bytes, or 0 once it is gone. */
function readRss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}
