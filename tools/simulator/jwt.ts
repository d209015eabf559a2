import { createHmac, timingSafeEqual } from 'node:crypto'

/** Claims the simulator puts in every access token. */
export interface AccessClaims {
  sub: string
  userId: string | number
  organizationId: string | number
  email: string
  scope: string
  iat: number
  exp: number
  jti: string
}

export type VerifyResult =
  { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' }

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')

function hmac(secret: Buffer, input: string): Buffer {
  return createHmac('sha256', secret).update(input).digest()
}

/** HS256 compact JWT: a real, verifiable token, so clients exercise real decoding of `exp`. */
export function signJwt(claims: AccessClaims, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  const input = `${HEADER}.${payload}`
  return `${input}.${hmac(secret, input).toString('base64url')}`
}

function isClaims(value: unknown): value is AccessClaims {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Record<string, unknown>
  return (
    typeof c.sub === 'string' &&
    typeof c.email === 'string' &&
    typeof c.scope === 'string' &&
    typeof c.iat === 'number' &&
    typeof c.exp === 'number' &&
    typeof c.jti === 'string' &&
    (typeof c.userId === 'string' || typeof c.userId === 'number') &&
    (typeof c.organizationId === 'string' || typeof c.organizationId === 'number')
  )
}

/** Checks shape, alg, signature (constant time) and `exp` against `nowMs` (the skewed server clock). */
export function verifyJwt(token: string, secret: Buffer, nowMs: number): VerifyResult {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'malformed' }
  const [header = '', payload = '', signature = ''] = parts
  let claims: unknown
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }
    if (head.alg !== 'HS256') return { ok: false, reason: 'malformed' }
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const expected = hmac(secret, `${header}.${payload}`)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' }
  }
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' }
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' }
  return { ok: true, claims }
}

/** Reads claims without verifying: for tests and diagnostics only. */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1]
  if (payload === undefined) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
