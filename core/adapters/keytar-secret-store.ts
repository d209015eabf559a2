import { createRequire } from 'node:module'
import type { SecretStore } from '../ports/secret-store'

import type * as KeytarModule from '@github/keytar'

type Keytar = typeof KeytarModule

/** The app's service name in the OS keychain. */
export const KEYCHAIN_SERVICE = 'Fleet Monitor'

/**
 * How long the keychain may take to answer its first read. A locked GNOME keyring or a macOS access
 * prompt waits for a person to type a password; that takes longer than any machine would.
 */
export const KEYCHAIN_ANSWER_MS = 120_000

type Availability = { available: true } | { available: false; reason: string }

export interface KeytarSecretStoreOptions {
  /** Loads keytar (a fake in tests). */
  load?: () => Keytar
  answerMs?: number
}

/**
 * The OS keychain through keytar (GitHub's maintained fork, prebuilt). keytar is loaded lazily: where
 * it cannot load or no Secret Service answers, the store reports itself unavailable with the reason,
 * and the app disables "keep me signed in" rather than writing a token anywhere else. Only success is
 * remembered: a prompt dismissed or a keyring still locked is asked again next time, not held against
 * the whole run. Callers asking while a probe runs share it (one prompt, not one per caller).
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Keytar | null = null
  private probing: Promise<Availability> | null = null
  private readonly load: () => Keytar
  private readonly answerMs: number

  constructor(
    private readonly service = KEYCHAIN_SERVICE,
    options: KeytarSecretStoreOptions = {},
  ) {
    this.load = options.load ?? (() => createRequire(import.meta.url)('@github/keytar') as Keytar)
    this.answerMs = options.answerMs ?? KEYCHAIN_ANSWER_MS
  }

  availability(): Promise<Availability> {
    if (this.keytar) return Promise.resolve({ available: true })
    this.probing ??= this.probe().finally(() => (this.probing = null))
    return this.probing
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

  private async probe(): Promise<Availability> {
    try {
      const keytar = this.load()
      // A read round-trip proves a Secret Service (or Keychain / Credential Vault) is answering.
      await withTimeout(keytar.findCredentials(this.service), this.answerMs)
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
