import { createPublicKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { WebhookRecord } from '../../../../shared/schemas/settings'
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
      try {
        keys.push(createPublicKey(record.publicKeyPem))
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
