import { randomBytes } from 'node:crypto'

/** Where the browser host serves one-time links: `/video-portal/<nonce>`. */
export const ONE_TIME_PREFIX = '/video-portal/'
/** A link is for the tab the page opens right away: a minute is plenty, and little to leak. */
export const ONE_TIME_TTL_MS = 60_000
/** Links waiting at once; the oldest goes first (a desk opens one portal at a time). */
export const MAX_PENDING_LINKS = 16

/**
 * One-time local links to a URL the page must not see (the 8x8 Agent Portal's, which holds a token):
 * main keeps the target, the page gets `/video-portal/<nonce>` and opens it in a new tab, and the first
 * request for it is answered with a redirect. Taken or expired, a link leads nowhere. The nonce has 256
 * random bits, like the host's own secret.
 */
export class OneTimeRedirects {
  private readonly pending = new Map<string, { target: string; until: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A local path that redirects to `target` once, until `expiresAt` (epoch ms). */
  mint(target: string): { path: string; expiresAt: number } {
    this.prune()
    while (this.pending.size >= MAX_PENDING_LINKS) {
      const oldest = this.pending.keys().next().value
      if (oldest === undefined) break
      this.pending.delete(oldest)
    }
    const nonce = randomBytes(32).toString('base64url')
    const until = this.now() + ONE_TIME_TTL_MS
    this.pending.set(nonce, { target, until })
    return { path: `${ONE_TIME_PREFIX}${nonce}`, expiresAt: until }
  }

  /** The target of a link's path, once; null for a taken, expired or unknown one. */
  take(pathname: string): string | null {
    if (!pathname.startsWith(ONE_TIME_PREFIX)) return null
    const nonce = pathname.slice(ONE_TIME_PREFIX.length)
    const entry = this.pending.get(nonce)
    this.pending.delete(nonce)
    this.prune()
    return entry && entry.until > this.now() ? entry.target : null
  }

  /** Links still waiting (for tests and memory bounds). */
  get size(): number {
    return this.pending.size
  }

  private prune(): void {
    const now = this.now()
    for (const [nonce, entry] of this.pending) if (entry.until <= now) this.pending.delete(nonce)
  }
}
