import { readFile } from 'node:fs/promises'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../core/adapters/keytar-secret-store'
import { FleetApp } from '../../core/app/fleet-app'
import { createLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'
import { noPowerEvents } from '../../core/ports/power-events'
import type { SecretStore } from '../../core/ports/secret-store'
import { connectionConfig } from '../support/connection-kit'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import { MemorySecretStore } from '../fakes/fake-secret-store'

// Real keychain under scripts/with-keychain.sh (FLEET_REAL_KEYCHAIN=1); elsewhere a store that is
// unavailable, so the memory fallback is exercised. Either way no secret reaches settings.json.
const real = process.env.FLEET_REAL_KEYCHAIN === '1'

class NoKeychain extends MemorySecretStore {
  override availability(): Promise<{ available: true }> {
    return Promise.reject(new Error('no Secret Service'))
  }
}

let fake: EightByEightFake | null = null
let app: FleetApp | null = null
afterEach(async () => {
  await app?.stop()
  await fake?.close()
})

async function startApp(secretStore: SecretStore): Promise<{ app: FleetApp; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-connections-'))
  const started = new FleetApp({
    dataDir,
    host: 'web',
    listenerPortOverride: 0,
    secretStore,
    powerEvents: noPowerEvents,
    clock: systemClock,
    logger: createLogger('test', { write: () => undefined }),
  })
  await started.start()
  return { app: started, dataDir }
}

describe('connection secrets through the app, keychain or not', () => {
  it(`keeps the API key in the ${real ? 'real keychain' : 'process memory'}, never in settings.json`, async () => {
    fake = await startEightByEightFake({ apiKey: 'keychain-8x8-key' })
    const secretStore = real ? new KeytarSecretStore('Fleet Monitor test') : new NoKeychain()
    const started = await startApp(secretStore)
    app = started.app
    const id = `kc-${Date.now()}`
    const config = connectionConfig({ id, name: 'Video', scheme: '8x8-video', baseUrl: fake.url })
    const [entry] = await app.handlers['connections:save']({ config, secret: 'keychain-8x8-key' })
    expect(entry?.status.secretStorage).toBe(real ? 'keychain' : 'memory')
    if (real) expect(await secretStore.get(`connection|${id}|api-key`)).toBe('keychain-8x8-key')
    const result = await app.handlers['connections:test']({ id })
    expect(result.status.phase).toBe('connected')
    const file = await readFile(join(started.dataDir, 'settings.json'), 'utf8')
    expect(file).toContain('"8x8-video"')
    expect(file).not.toContain('keychain-8x8-key')
    await app.handlers['connections:remove']({ id })
    if (real) expect(await secretStore.get(`connection|${id}|api-key`)).toBeNull()
  })
})
