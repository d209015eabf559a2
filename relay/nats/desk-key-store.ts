import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { KvWatchInclude } from '@nats-io/kv'
import type { KV } from '@nats-io/kv'
import { AppError } from '../../shared/domain/errors'
import { DESK_KEY_NAME_PATTERN, DESK_KEY_PATTERN } from '../../shared/schemas/feed'
import type { Logger } from '../../core/logging/logger'
import type { NatsLink } from './nats-link'
import { KEYS_BUCKET } from './names'

interface StoredKey {
  /** SHA-256 of the whole key, hex. The key is 256 random bits, so a fast hash is enough: nothing to guess. */
  sha256: string
  createdAt: string
}

export interface DeskKeyListing {
  name: string
  createdAt: string
}

/**
 * Desk keys in a JetStream KV bucket, so every relay node sees the same keys at once. Only a hash is
 * stored; the key itself is printed once by `keys add` and then exists only on the desk (its keychain).
 */
export class DeskKeyStore {
  private constructor(private readonly kv: KV) {}

  static async open(link: NatsLink): Promise<DeskKeyStore> {
    return new DeskKeyStore(await link.kvm.create(KEYS_BUCKET, { history: 1 }))
  }

  /** A new key for `name`: returned once, stored hashed. A name in use is refused (revoke it first). */
  async add(name: string, now: Date): Promise<string> {
    checkName(name)
    const key = `${name}.${randomBytes(32).toString('base64url')}`
    const stored: StoredKey = { sha256: sha256(key), createdAt: now.toISOString() }
    try {
      await this.kv.create(name, JSON.stringify(stored))
    } catch (error) {
      if ((await this.kv.get(name))?.operation === 'PUT')
        throw new AppError({ code: 'relay-key-exists', facts: { name } })
      throw error
    }
    return key
  }

  /** Forgets the key of `name` (its hash too): every node refuses it from now on. */
  async revoke(name: string): Promise<void> {
    checkName(name)
    if ((await this.kv.get(name))?.operation !== 'PUT') {
      throw new AppError({ code: 'relay-key-unknown', facts: { name } })
    }
    await this.kv.purge(name)
  }

  async list(): Promise<DeskKeyListing[]> {
    const names: string[] = []
    for await (const name of await this.kv.keys()) names.push(name)
    const listed: DeskKeyListing[] = []
    for (const name of names.sort()) {
      const stored = readStored(await this.kv.get(name))
      if (stored) listed.push({ name, createdAt: stored.createdAt })
    }
    return listed
  }

  /**
   * The name a presented key belongs to, or null. Read fresh from NATS at every connection, so a
   * revoked key is refused by every node at once; rejects when NATS cannot be asked.
   */
  async verify(presented: string): Promise<string | null> {
    if (!DESK_KEY_PATTERN.test(presented)) return null
    const name = presented.slice(0, presented.indexOf('.'))
    const stored = readStored(await this.kv.get(name))
    if (!stored) return null
    const expected = Buffer.from(stored.sha256, 'hex')
    const actual = Buffer.from(sha256(presented), 'hex')
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? name : null
  }

  /** Calls `revoked(name)` whenever a key is revoked, on any node; returns the stop function. */
  async watchRevocations(revoked: (name: string) => void, logger: Logger): Promise<() => void> {
    const watch = await this.kv.watch({ include: KvWatchInclude.UpdatesOnly })
    void (async () => {
      for await (const entry of watch) if (entry.operation !== 'PUT') revoked(entry.key)
    })().catch((error: unknown) => logger.error('desk key watch failed', { error: String(error) }))
    return () => watch.stop()
  }
}

function checkName(name: string): void {
  if (!DESK_KEY_NAME_PATTERN.test(name)) throw new AppError({ code: 'relay-key-name', facts: { name } })
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function readStored(entry: { operation: string; string(): string } | null): StoredKey | null {
  if (!entry || entry.operation !== 'PUT') return null
  try {
    const value = JSON.parse(entry.string()) as Partial<StoredKey>
    return typeof value.sha256 === 'string' && typeof value.createdAt === 'string'
      ? { sha256: value.sha256, createdAt: value.createdAt }
      : null
  } catch {
    return null
  }
}
