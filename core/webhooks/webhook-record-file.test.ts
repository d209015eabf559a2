import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { webhookRecordSchema } from '../../shared/schemas/settings'
import { WebhookKeys } from '../app/webhook-keys'
import { silentLogger } from '../logging/logger'
import { SETTINGS_FILE, SettingsStore } from '../settings/settings-store'

const API = 'https://integration.tagora.com.mx/integration/v1'

/** A webhook exactly as versions before isActive/unstated wrote it to settings.json. */
function oldRecord() {
  const { publicKey } = generateKeyPairSync('ed25519')
  return {
    webhookId: 'w-old',
    name: 'Dispatch desk',
    postUrl: 'https://fleet.example.com/tagora/events',
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyAlgorithm: 'ed25519',
    createdAt: '2025-01-15T10:00:00.000Z',
    apiUrl: API,
  }
}

describe('webhook records in the settings file', () => {
  it('loads a file written before isActive was kept, and its key still verifies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleet-webhook-record-'))
    const record = oldRecord()
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ version: 1, apiUrl: API, webhooks: [record] }))
    const { settings, notice } = await new SettingsStore(dir, silentLogger).load()
    expect(notice).toBeNull()
    expect(settings.webhooks).toEqual([record])
    const keys = new WebhookKeys(silentLogger)
    keys.use(settings.webhooks, API)
    expect(keys.current()).toHaveLength(1)
  })

  it('writes and reads back isActive:false and the unstated fields', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleet-webhook-record-'))
    const store = new SettingsStore(dir, silentLogger)
    await store.load()
    const record = { ...oldRecord(), isActive: false, unstated: ['keyAlgorithm'] }
    await store.update((s) => ({ ...s, webhooks: [record] }))
    const raw = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as { webhooks: unknown[] }
    expect(raw.webhooks[0]).toMatchObject({ isActive: false, unstated: ['keyAlgorithm'] })
    expect((await new SettingsStore(dir, silentLogger).load()).settings.webhooks).toEqual([record])
  })

  it('refuses an isActive that is not a boolean (the file is checked, not guessed at)', () => {
    expect(webhookRecordSchema.safeParse({ ...oldRecord(), isActive: 'no' }).success).toBe(false)
  })
})
