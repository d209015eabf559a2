import { randomBytes, randomUUID } from 'node:crypto'
import type { SimUser } from './directory'
import { signJwt, verifyJwt } from './jwt'
import type { AccessClaims, VerifyResult } from './jwt'

/** What login and renew return inside `data` (login adds tokenType). */
export interface TokenPair {
  accessToken: string
  renewToken: string
  expiresIn: number
}

/** One login's chain of renew tokens; reusing a rotated member burns the whole chain. */
interface Family {
  user: SimUser
  current: string
  revoked: boolean
  expiresAtMs: number
}

export type RenewResult = { ok: true; pair: TokenPair } | { ok: false; message: string }

export interface TokenService {
  login(user: SimUser): TokenPair
  renew(renewToken: string): RenewResult
  verify(accessToken: string): VerifyResult
  /** Revokes every family, or only those of `email`; returns how many were live. */
  revokeFamilies(email?: string): number
  mint(user: SimUser, scope: string, ttlSec: number): string
}

export interface TokenServiceDeps {
  /** Server clock (skew included). */
  now: () => number
  accessTtlSec: () => number
  renewTtlSec: number
}

export function createTokenService(deps: TokenServiceDeps): TokenService {
  // Per-simulator secret: tokens of one simulator are worthless to another.
  const secret = randomBytes(32)
  const familyOf = new Map<string, Family>()

  const mint = (user: SimUser, scope: string, ttlSec: number): string => {
    const iat = Math.floor(deps.now() / 1000)
    const claims: AccessClaims = {
      sub: String(user.userId),
      userId: user.userId,
      organizationId: user.organizationId,
      email: user.email,
      scope,
      iat,
      exp: iat + ttlSec,
      jti: randomUUID(),
    }
    return signJwt(claims, secret)
  }

  const issue = (family: Family): TokenPair => {
    const renewToken = `rt_${randomBytes(32).toString('base64url')}`
    family.current = renewToken
    familyOf.set(renewToken, family)
    const ttl = deps.accessTtlSec()
    return { accessToken: mint(family.user, 'integration', ttl), renewToken, expiresIn: ttl }
  }

  return {
    login(user) {
      const family: Family = {
        user,
        current: '',
        revoked: false,
        expiresAtMs: deps.now() + deps.renewTtlSec * 1000,
      }
      return issue(family)
    },
    renew(renewToken) {
      const family = familyOf.get(renewToken)
      if (!family || family.revoked) return { ok: false, message: 'renewToken is unknown or revoked' }
      if (family.current !== renewToken) {
        // A rotated token came back: someone holds a copy, so nobody in this chain is trusted.
        family.revoked = true
        return { ok: false, message: 'renewToken was already used; the session is revoked' }
      }
      if (deps.now() >= family.expiresAtMs) return { ok: false, message: 'renewToken has expired' }
      return { ok: true, pair: issue(family) }
    },
    verify: (accessToken) => verifyJwt(accessToken, secret, deps.now()),
    revokeFamilies(email) {
      let count = 0
      for (const family of new Set(familyOf.values())) {
        if (family.revoked) continue
        if (email !== undefined && family.user.email.toLowerCase() !== email.toLowerCase()) continue
        family.revoked = true
        count += 1
      }
      return count
    },
    mint,
  }
}
