import type { SecretStore } from '../../core/ports/secret-store'

/** Keeps secrets in process memory only, like a keychain that forgets on exit. */
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
