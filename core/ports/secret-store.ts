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
