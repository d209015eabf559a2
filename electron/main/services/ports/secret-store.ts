/** The OS keychain, reached through a port so services never import keytar (design rule 2). */
export interface SecretStore {
  /** Whether secrets can be kept at all here, and why not. */
  availability(): Promise<{ available: true } | { available: false; reason: string }>
  /** The secret kept for this account, or null. */
  get(account: string): Promise<string | null>
  /** Keeps (or replaces) the secret for this account. */
  set(account: string, secret: string): Promise<void>
  /** Forgets the secret for this account; no error when there was none. */
  delete(account: string): Promise<void>
}

/** Keeps secrets in process memory only: for tests and for hosts without a keychain. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>()

  availability(): Promise<{ available: true }> {
    return Promise.resolve({ available: true })
  }
  get(account: string): Promise<string | null> {
    return Promise.resolve(this.secrets.get(account) ?? null)
  }
  set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret)
    return Promise.resolve()
  }
  delete(account: string): Promise<void> {
    this.secrets.delete(account)
    return Promise.resolve()
  }
}
