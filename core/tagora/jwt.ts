import { Buffer } from 'node:buffer'

/**
 * Reads a JWT's claims without verifying it: the app only needs `exp` and the ids, and the token's
 * authenticity is the server's business. Returns null for anything that is not a JWT with an object payload.
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const payload = parts[1]
  if (!payload || !/^[A-Za-z0-9_-]+={0,2}$/.test(payload)) return null
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
    return parsed as Record<string, unknown>
  } catch {
    return null
  }
}

/** The `exp` claim as epoch ms, or null when absent or not a number. */
export function jwtExpiryMs(claims: Record<string, unknown> | null): number | null {
  const exp = claims?.exp
  if (typeof exp === 'number' && Number.isFinite(exp) && exp > 0) return exp * 1000
  if (typeof exp === 'string' && /^\d+$/.test(exp)) return Number(exp) * 1000
  return null
}

/** The first claim among names that holds a usable id, with its original type (string or number). */
export function pickIdClaim(claims: Record<string, unknown> | null, names: string[]): string | number | null {
  if (!claims) return null
  for (const name of names) {
    const value = claims[name]
    if (typeof value === 'string' && value !== '') return value
    if (typeof value === 'number' && Number.isFinite(value)) return value
  }
  return null
}
