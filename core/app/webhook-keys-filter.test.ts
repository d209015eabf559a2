import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { WebhookRecord } from '../../shared/schemas/settings'
import { silentLogger } from '../logging/logger'
import { WebhookKeys } from './webhook-keys'

const API = 'https://api.test/integration/v1'

function record(webhookId: string, change: Partial<WebhookRecord> = {}): WebhookRecord {
  const { publicKey } = generateKeyPairSync('ed25519')
  return {
    webhookId,
    name: webhookId,
    postUrl: 'https://fleet.example.com/tagora/events',
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyAlgorithm: 'ed25519',
    createdAt: new Date(0).toISOString(),
    apiUrl: API,
    ...change,
  }
}

function keyIds(records: WebhookRecord[]): string[] {
  const keys = new WebhookKeys(silentLogger)
  keys.use(records, API)
  const pems = new Map(records.map((r) => [r.publicKeyPem, r.webhookId]))
  return keys.current().map((key) => pems.get(key.export({ type: 'spki', format: 'pem' }).toString()) ?? '?')
}

describe('WebhookKeys: which webhooks may verify deliveries', () => {
  it('uses active webhooks, and those Tagora said nothing about (old settings files too)', () => {
    expect(keyIds([record('active', { isActive: true }), record('unsaid')])).toEqual(['active', 'unsaid'])
  })

  it('does not use the key of a webhook Tagora says is not active', () => {
    expect(keyIds([record('inactive', { isActive: false }), record('active')])).toEqual(['active'])
  })

  it('does not use a key said to be for another algorithm, whatever the PEM holds', () => {
    const records = [
      record('rsa', { keyAlgorithm: 'rsa-sha256' }),
      record('upper', { keyAlgorithm: 'Ed25519' }),
    ]
    expect(keyIds(records)).toEqual(['upper'])
  })

  it('skips a webhook that came without a key', () => {
    expect(keyIds([record('keyless', { publicKeyPem: '' }), record('ok')])).toEqual(['ok'])
  })
})
