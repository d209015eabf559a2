import { decodeJwtClaims, jwtExpiryMs } from '../tagora/jwt'
import { ConnectionError } from './connection-error'
import type { Grant } from './scheme'

/** Where the tokens sit in a response body and how their lifetime is known. */
export interface GrantShape {
  /** 'data': Tagora's `{data: …}` envelope; 'flat': fields at the top level. */
  envelope: 'data' | 'flat'
  access: string
  refresh?: string | undefined
  expiresIn?: string | undefined
  /** Documented lifetime when neither a JWT exp nor expiresIn is there. */
  fixedLifetimeSeconds?: number | null
  /** A per-connection fallback lifetime (settings override). */
  configuredLifetimeSeconds?: number | null
  /** The refresh token's documented lifetime (Nugios: 2,591,968 s); its end is tracked and shown. */
  refreshLifetimeSeconds?: number | null
  /** Refresh token required in the body (renewals of rotating schemes may omit it: keep the old one). */
  refreshRequired?: boolean
}

/** A response body's top-level record (inside the `{data}` envelope when there is one), or null. */
export function answerRecord(
  body: unknown,
  envelope: GrantShape['envelope'],
): Record<string, unknown> | null {
  const source = envelope === 'data' ? (body as { data?: unknown } | null)?.data : body
  return source && typeof source === 'object' && !Array.isArray(source)
    ? (source as Record<string, unknown>)
    : null
}

/**
 * Reads a grant from a login or renew response. Expiry: the JWT `exp` claim when readable and ahead of
 * the server's clock, else `expiresIn`, else the documented fixed lifetime, else the configured one.
 */
export function readGrant(body: unknown, shape: GrantShape, serverNow: number, call: string): Grant {
  const record = answerRecord(body, shape.envelope)
  const access = record?.[shape.access]
  if (typeof access !== 'string' || access === '') throw missingField(call, shape.access, shape.envelope)
  const refreshValue = shape.refresh ? record?.[shape.refresh] : undefined
  if (shape.refresh && shape.refreshRequired && (typeof refreshValue !== 'string' || refreshValue === ''))
    throw missingField(call, shape.refresh, shape.envelope)
  const refreshToken = typeof refreshValue === 'string' && refreshValue !== '' ? refreshValue : null
  return {
    accessToken: access,
    refreshToken,
    ...expiryOf(access, shape.expiresIn ? record?.[shape.expiresIn] : undefined, shape, serverNow),
    refreshExpiresAt:
      refreshToken && shape.refreshLifetimeSeconds ? serverNow + shape.refreshLifetimeSeconds * 1000 : null,
  }
}

function expiryOf(
  token: string,
  expiresIn: unknown,
  shape: GrantShape,
  serverNow: number,
): Pick<Grant, 'expiresAt' | 'lifetimeSource'> {
  const exp = jwtExpiryMs(decodeJwtClaims(token))
  if (exp !== null && exp > serverNow) return { expiresAt: exp, lifetimeSource: 'jwt-exp' }
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0)
    return { expiresAt: serverNow + seconds * 1000, lifetimeSource: 'expires-in' }
  if (shape.fixedLifetimeSeconds)
    return { expiresAt: serverNow + shape.fixedLifetimeSeconds * 1000, lifetimeSource: 'fixed' }
  if (shape.configuredLifetimeSeconds)
    return { expiresAt: serverNow + shape.configuredLifetimeSeconds * 1000, lifetimeSource: 'configured' }
  return { expiresAt: null, lifetimeSource: 'none' }
}

function missingField(call: string, field: string, envelope: 'data' | 'flat'): ConnectionError {
  const where = envelope === 'data' ? `data.${field}` : field
  return new ConnectionError({ code: 'missing-field', call, facts: { field: where } })
}

/** A static credential used as the token itself (API keys, pre-generated tokens). */
export function staticGrant(secret: string, serverNow: number, lifetimeSeconds: number | null): Grant {
  const exp = jwtExpiryMs(decodeJwtClaims(secret))
  if (exp !== null && exp > serverNow)
    return {
      accessToken: secret,
      refreshToken: null,
      expiresAt: exp,
      lifetimeSource: 'jwt-exp',
      refreshExpiresAt: null,
    }
  return {
    accessToken: secret,
    refreshToken: null,
    expiresAt: lifetimeSeconds ? serverNow + lifetimeSeconds * 1000 : null,
    lifetimeSource: lifetimeSeconds ? 'configured' : 'none',
    refreshExpiresAt: null,
  }
}
