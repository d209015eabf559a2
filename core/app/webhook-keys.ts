import { createPublicKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { webhookKeyProblem } from '../../shared/domain/webhook'
import type { WebhookRecord } from '../../shared/schemas/settings'
import type { Logger } from '../logging/logger'

/**
 * The public keys the listener accepts: one per active webhook of the current API. KeyObjects are
 * built once here, never per request (parsing a PEM per call halves the verify rate).
 */
export class WebhookKeys {
  private keys: KeyObject[] = []

  constructor(private readonly logger: Logger) {}

  /** Rebuilds the key list from the webhooks registered against `apiUrl`. */
  use(records: readonly WebhookRecord[], apiUrl: string): void {
    const keys: KeyObject[] = []
    for (const record of records) {
      if (record.apiUrl !== apiUrl) continue
      // Inactive per Tagora, no key, or a key said to be for another algorithm: its signatures are refused.
      const problem = webhookKeyProblem(record)
      if (problem !== null) {
        this.logger.info('not verifying with this webhook key', { webhookId: record.webhookId, problem })
        continue
      }
      try {
        const key = createPublicKey(record.publicKeyPem)
        // The record's keyAlgorithm is only what it says: the PEM itself must hold an ed25519 key, or
        // crypto.verify would check signatures under whatever scheme that key type implies.
        if (key.asymmetricKeyType !== 'ed25519') {
          this.logger.warn('skipping a webhook whose public key is not ed25519', {
            webhookId: record.webhookId,
            keyType: key.asymmetricKeyType,
          })
          continue
        }
        keys.push(key)
      } catch (error) {
        this.logger.warn('skipping a webhook whose public key cannot be read', {
          webhookId: record.webhookId,
          error,
        })
      }
    }
    this.keys = keys
  }

  current(): KeyObject[] {
    return this.keys
  }
}
