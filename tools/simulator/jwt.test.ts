import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeJwtClaims, signJwt, verifyJwt } from './jwt'
import type { AccessClaims } from './jwt'

const secret = randomBytes(32)
const now = Date.UTC(2025, 0, 1)
const claims: AccessClaims = {
  sub: 'u1',
  userId: 'u1',
  organizationId: 42,
  email: 'a@b.test',
  scope: 'integration',
  iat: now / 1000,
  exp: now / 1000 + 60,
  jti: 'j1',
}

describe('jwt', () => {
  it('round-trips claims with a real HS256 header', () => {
    const token = signJwt(claims, secret)
    const header: unknown = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(verifyJwt(token, secret, now)).toEqual({ ok: true, claims })
    expect(decodeJwtClaims(token)).toEqual(claims)
  })

  it('rejects expiry at exp exactly and after', () => {
    const token = signJwt(claims, secret)
    expect(verifyJwt(token, secret, now + 59_999).ok).toBe(true)
    expect(verifyJwt(token, secret, now + 60_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it('rejects a tampered payload, another secret, and garbage', () => {
    const token = signJwt(claims, secret)
    const [h, , s] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...claims, organizationId: 7 })).toString('base64url')
    expect(verifyJwt(`${h}.${forged}.${s}`, secret, now)).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifyJwt(token, randomBytes(32), now)).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifyJwt('not-a-jwt', secret, now)).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyJwt('a.b.c', secret, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses alg none', () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    expect(verifyJwt(`${none}.${body}.`, secret, now)).toEqual({ ok: false, reason: 'malformed' })
  })
})
