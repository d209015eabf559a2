import type { SecretKind } from '../../shared/schemas/connections'
import type { Logger } from '../logging/logger'
import type { SecretStore } from '../ports/secret-store'

/** The keychain account of a connection's secret. */
export function connectionAccount(connectionId: string, kind: SecretKind): string {
  return `connection|${connectionId}|${kind}`
}

/**
 * Connection secrets in the OS keychain. Where no keychain answers, a secret is kept in this process's
 * memory only (never in a file) and the connection says so, like Tagora's "keep me signed in".
 */
export class ConnectionSecrets {
  private readonly memory = new Map<string, string>()

  constructor(
    private readonly store: SecretStore,
    private readonly logger: Logger,
  ) {}

  async get(id: string, kind: SecretKind): Promise<string | null> {
    const account = connectionAccount(id, kind)
    const inMemory = this.memory.get(account)
    if (inMemory !== undefined) return inMemory
    if (!(await this.available())) return null
    try {
      return await this.store.get(account)
    } catch (error) {
      this.logger.warn('could not read a connection secret', { connection: id, error })
      return null
    }
  }

  /** Returns where the secret landed. */
  async set(id: string, kind: SecretKind, secret: string): Promise<'keychain' | 'memory'> {
    const account = connectionAccount(id, kind)
    if (await this.available()) {
      try {
        await this.store.set(account, secret)
        this.memory.delete(account)
        return 'keychain'
      } catch (error) {
        this.logger.warn('the keychain refused a connection secret; keeping it in memory', {
          connection: id,
          error,
        })
      }
    }
    this.memory.set(account, secret)
    return 'memory'
  }

  async where(id: string, kind: SecretKind): Promise<'keychain' | 'memory' | 'missing'> {
    if (this.memory.has(connectionAccount(id, kind))) return 'memory'
    return (await this.get(id, kind)) ? 'keychain' : 'missing'
  }

  async delete(id: string, kind: SecretKind): Promise<void> {
    const account = connectionAccount(id, kind)
    this.memory.delete(account)
    if (!(await this.available())) return
    try {
      await this.store.delete(account)
    } catch (error) {
      this.logger.warn('could not delete a connection secret', { connection: id, error })
    }
  }

  private async available(): Promise<boolean> {
    try {
      return (await this.store.availability()).available
    } catch {
      return false
    }
  }
}
