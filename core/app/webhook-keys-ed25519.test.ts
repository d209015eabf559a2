import { generateKeyPairSync } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { WebhookRecord } from '../../shared/schemas/settings'
import type { Logger } from '../logging/logger'
import { WebhookKeys } from './webhook-keys'

const API = 'https://api.test/integration/v1'

function pem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString()
}

/** A record that says ed25519, whatever key its PEM really holds. */
function record(webhookId: string, publicKey: KeyObject): WebhookRecord {
  return {
    webhookId,
    name: webhookId,
    postUrl: 'https://fleet.example.com/tagora/events',
    publicKeyPem: pem(publicKey),
    keyAlgorithm: 'ed25519',
    createdAt: new Date(0).toISOString(),
    apiUrl: API,
  }
}

describe('WebhookKeys: only an ed25519 key verifies deliveries', () => {
  it('uses the ed25519 key and skips, with a warning, keys of any other type in the PEM', () => {
    const warnings: Array<Record<string, unknown> | undefined> = []
    const none = (): void => undefined
    const logger: Logger = { debug: none, info: none, error: none, warn: (_m, f) => void warnings.push(f) }
    const ed25519 = generateKeyPairSync('ed25519').publicKey
    const records = [
      record('rsa', generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey),
      record('ec', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey),
      record('ed448', generateKeyPairSync('ed448').publicKey),
      record('x25519', generateKeyPairSync('x25519').publicKey),
      record('good', ed25519),
    ]
    const keys = new WebhookKeys(logger)
    keys.use(records, API)

    expect(keys.current().map(pem)).toEqual([pem(ed25519)])
    expect(warnings).toEqual([
      { webhookId: 'rsa', keyType: 'rsa' },
      { webhookId: 'ec', keyType: 'ec' },
      { webhookId: 'ed448', keyType: 'ed448' },
      { webhookId: 'x25519', keyType: 'x25519' },
    ])
  })
})
