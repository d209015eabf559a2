import { createRequire } from 'node:module'
import type { SecretStore } from '../ports/secret-store'

import type * as KeytarModule from '@github/keytar'

type Keytar = typeof KeytarModule

/** The app's service name in the OS keychain. */
export const KEYCHAIN_SERVICE = 'Fleet Monitor'

/**
 * The OS keychain through keytar (GitHub's maintained fork, prebuilt). keytar is loaded lazily: where
 * it cannot load or no Secret Service answers, the store reports itself unavailable with the reason,
 * and the app disables "keep me signed in" rather than writing a token anywhere else.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Keytar | null = null
  private checked: Promise<{ available: true } | { available: false; reason: string }> | null = null

  constructor(private readonly service = KEYCHAIN_SERVICE) {}

  availability(): Promise<{ available: true } | { available: false; reason: string }> {
    this.checked ??= this.probe()
    return this.checked
  }

  async get(account: string): Promise<string | null> {
    return (await this.require()).getPassword(this.service, account)
  }

  async set(account: string, secret: string): Promise<void> {
    await (await this.require()).setPassword(this.service, account, secret)
  }

  async delete(account: string): Promise<void> {
    await (await this.require()).deletePassword(this.service, account)
  }

  private async probe(): Promise<{ available: true } | { available: false; reason: string }> {
    try {
      const keytar = createRequire(import.meta.url)('@github/keytar') as Keytar
      // A read round-trip proves a Secret Service (or Keychain / Credential Vault) is answering.
      await withTimeout(keytar.findCredentials(this.service), 3000)
      this.keytar = keytar
      return { available: true }
    } catch (error) {
      return { available: false, reason: (error as Error).message }
    }
  }

  private async require(): Promise<Keytar> {
    const availability = await this.availability()
    if (!availability.available || !this.keytar)
      throw new Error(availability.available ? 'keychain not loaded' : availability.reason)
    return this.keytar
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the keychain did not answer')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
