/** The OS keychain, reached through a port so services never import keytar (design rule 2). */
export interface SecretStore {
  /** Whether secrets can be kept at all here, and why not (the OS's own words, kept as a detail). */
  availability(): Promise<{ available: true } | { available: false; reason: string }>
  /** The secret kept for this account, or null. */
  get(account: string): Promise<string | null>
  /** Keeps (or replaces) the secret for this account. */
  set(account: string, secret: string): Promise<void>
  /** Forgets the secret for this account; no error when there was none. */
  delete(account: string): Promise<void>
}

/** For a host that keeps no secrets (the relay signs in from its environment every start). */
export const noSecretStore: SecretStore = {
  availability: () => Promise.resolve({ available: false, reason: 'this host keeps no secrets' }),
  get: () => Promise.resolve(null),
  set: () => Promise.reject(new Error('this host keeps no secrets')),
  delete: () => Promise.resolve(),
}
