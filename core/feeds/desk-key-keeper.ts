import { RELAY_FEED_PATH } from '../../shared/domain/relay-wire'
import { relaySocketUrl } from '../../shared/net/relay-url'
import type { Logger } from '../logging/logger'
import type { SecretStore } from '../ports/secret-store'

export type KeyKeptIn = 'keychain' | 'memory'

/** One keychain account per relay feed address: the same relay under two spellings is one account. */
function accountOf(relayUrl: string): string {
  return `relay-desk-key|${relaySocketUrl(relayUrl, RELAY_FEED_PATH) ?? relayUrl}`
}

/**
 * Desk keys, kept in the OS keychain and nowhere else on disk. Where no keychain works the key lives in
 * this run's memory only, and the Feed status says so; a failing keychain never breaks the feed.
 */
export class DeskKeyKeeper {
  /** Keys set this run, and where each went: the newest word on a relay's key. */
  private readonly kept = new Map<string, { key: string; keptIn: KeyKeptIn }>()

  constructor(
    private readonly store: SecretStore,
    private readonly logger: Logger,
  ) {}

  async keep(relayUrl: string, key: string): Promise<KeyKeptIn> {
    const keptIn = await this.toKeychain(accountOf(relayUrl), key)
    this.kept.set(accountOf(relayUrl), { key, keptIn })
    return keptIn
  }

  async find(relayUrl: string): Promise<{ key: string; keptIn: KeyKeptIn } | null> {
    const account = accountOf(relayUrl)
    const kept = this.kept.get(account)
    if (kept) return kept
    try {
      const availability = await this.store.availability()
      const stored = availability.available ? await this.store.get(account) : null
      return stored ? { key: stored, keptIn: 'keychain' } : null
    } catch (error) {
      this.logger.warn('the keychain could not be read for the desk key', { error: String(error) })
      return null
    }
  }

  private async toKeychain(account: string, key: string): Promise<KeyKeptIn> {
    try {
      const availability = await this.store.availability()
      if (!availability.available) return 'memory'
      await this.store.set(account, key)
      return 'keychain'
    } catch (error) {
      this.logger.warn('the desk key could not be kept in the keychain', { error: String(error) })
      return 'memory'
    }
  }
}
