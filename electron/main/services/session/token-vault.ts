import { createHash } from 'node:crypto'
import { decodeJwtClaims, jwtExpiryMs, pickIdClaim } from '../tagora/jwt'
import type { TokenTiming } from './renewal-plan'
import { planRenewal } from './renewal-plan'

/** What login and renew return that the vault keeps. */
export interface TokenGrant {
  accessToken: string
  renewToken?: string | undefined
  expiresIn: number
}

/** Ids from the access token's claims, with the type the token carries (sent back as-is to POST /webhook). */
export interface SessionClaims {
  organizationId: string | number | null
  userId: string | number | null
}

/**
 * The tokens and their timing, in memory only. Times are judged on the server's clock: `offsetMs` is
 * server time minus local time, measured from each response's Date header.
 */
export class TokenVault {
  private access: string | null = null
  private renew: string | null = null
  private claimSet: Record<string, unknown> | null = null
  private tokenTiming: TokenTiming | null = null
  private offset = 0
  /** Hashes of renewTokens the server refused: never sent again, and no copy of the secret kept. */
  private readonly refused = new Set<string>()

  get accessToken(): string | null {
    return this.access
  }
  get renewToken(): string | null {
    return this.renew
  }
  get timing(): TokenTiming | null {
    return this.tokenTiming
  }
  get offsetMs(): number {
    return this.offset
  }

  /** Records the server clock's lead over ours; returns how much the estimate moved (ms). */
  observeServerDate(serverDate: number | null, receivedAtLocal: number): number {
    if (serverDate === null) return 0
    const next = serverDate - receivedAtLocal
    const moved = Math.abs(next - this.offset)
    this.offset = next
    return moved
  }

  serverNow(localNow: number): number {
    return localNow + this.offset
  }

  toLocal(serverMs: number): number {
    return serverMs - this.offset
  }

  /** Takes a new grant; a renew response without renewToken keeps the current one (no rotation). */
  adopt(grant: TokenGrant, serverDate: number | null, receivedAtLocal: number): void {
    this.observeServerDate(serverDate, receivedAtLocal)
    this.access = grant.accessToken
    if (grant.renewToken) this.renew = grant.renewToken
    this.claimSet = decodeJwtClaims(grant.accessToken)
    this.tokenTiming = planRenewal({
      expClaimMs: jwtExpiryMs(this.claimSet),
      expiresInSeconds: grant.expiresIn,
      serverNow: this.serverNow(receivedAtLocal),
    })
  }

  /** Sets the renewToken before any grant (restore from the keychain). */
  setRenewToken(token: string): void {
    this.renew = token
  }

  claims(): SessionClaims {
    return {
      organizationId: pickIdClaim(this.claimSet, ['organizationId', 'orgId', 'organization_id']),
      userId: pickIdClaim(this.claimSet, ['userId', 'sub', 'user_id']),
    }
  }

  refuse(token: string): void {
    this.refused.add(hash(token))
  }

  isRefused(token: string): boolean {
    return this.refused.has(hash(token))
  }

  /** Forgets both tokens and their timing; the refused list and the clock offset survive. */
  clear(): void {
    this.access = null
    this.renew = null
    this.claimSet = null
    this.tokenTiming = null
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
