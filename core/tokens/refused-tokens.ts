import { createHash } from 'node:crypto'

/**
 * Refresh tokens a server refused for good. Rotating schemes revoke the whole token family when a refused
 * token comes back, so these are never sent again. Only hashes are kept: no extra copy of a secret.
 */
export class RefusedTokens {
  private readonly hashes = new Set<string>()

  add(token: string): void {
    this.hashes.add(hash(token))
  }

  has(token: string): boolean {
    return this.hashes.has(hash(token))
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
