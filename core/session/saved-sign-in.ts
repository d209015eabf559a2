import type { AppErrorInfo } from '../../shared/domain/errors'
import type { Logger } from '../logging/logger'
import type { SecretStore } from '../ports/secret-store'

export type KeychainStatus = { available: true; reason: null } | { available: false; reason: AppErrorInfo }

/** The keychain account of a saved sign-in: one per API server and email. */
export function savedSignInAccount(apiUrl: string, email: string): string {
  return `${apiUrl}|${email}`
}

/**
 * The renewToken kept in the OS keychain for "keep me signed in". A failing keychain never breaks a
 * sign-in: every method logs and degrades (nothing saved, nothing found) instead of throwing.
 */
export class SavedSignIn {
  constructor(
    private readonly store: SecretStore,
    private readonly logger: Logger,
  ) {}

  async status(): Promise<KeychainStatus> {
    try {
      const result = await this.store.availability()
      return result.available
        ? { available: true, reason: null }
        : { available: false, reason: { code: 'keychain-unavailable', facts: { detail: result.reason } } }
    } catch (error) {
      return { available: false, reason: { code: 'keychain-failed', facts: { detail: describe(error) } } }
    }
  }

  /** Returns null when saved, else why not (shown as rememberUnavailableReason). */
  async save(account: string, renewToken: string): Promise<AppErrorInfo | null> {
    try {
      await this.store.set(account, renewToken)
      return null
    } catch (error) {
      this.logger.warn('could not save the sign-in to the keychain', { error })
      return { code: 'keychain-save-failed', facts: { detail: describe(error) } }
    }
  }

  async load(account: string): Promise<string | null> {
    try {
      return await this.store.get(account)
    } catch (error) {
      this.logger.warn('could not read the saved sign-in', { error })
      return null
    }
  }

  async forget(account: string): Promise<void> {
    // Without a keychain nothing can have been saved: there is nothing to delete and nothing to warn about.
    if (!(await this.status()).available) return
    try {
      await this.store.delete(account)
    } catch (error) {
      this.logger.warn('could not delete the saved sign-in', { error })
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
