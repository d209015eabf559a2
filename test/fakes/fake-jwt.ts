import { Buffer } from 'node:buffer'

/** Builds a real base64url JWT (unsigned: the signature is a placeholder) for tests and fakes. */
export function makeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'EdDSA', typ: 'JWT' })}.${encode(claims)}.${Buffer.from('test-signature').toString('base64url')}`
}

/** An access token like Tagora's: scope=integration, ids, and exp `lifetimeSeconds` after `nowMs`. */
export function makeAccessToken(
  nowMs: number,
  lifetimeSeconds: number,
  extra: Record<string, unknown> = {},
): string {
  const iat = Math.floor(nowMs / 1000)
  return makeJwt({
    sub: 'user-7',
    organizationId: 42,
    scope: 'integration',
    iat,
    exp: iat + lifetimeSeconds,
    ...extra,
  })
}
