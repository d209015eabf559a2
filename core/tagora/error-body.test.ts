import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../logging/logger'
import { readErrorBody } from './error-body'
import { createFakeFetch } from '../../test/fakes/fake-fetch'
import { decodeJwtClaims, jwtExpiryMs, pickIdClaim } from './jwt'
import { makeJwt } from '../../test/fakes/fake-jwt'
import { TagoraApiError } from './tagora-api-error'
import { createTagoraClient } from './tagora-client'

describe('readErrorBody', () => {
  it('reads the documented-by-nobody shapes', () => {
    expect(
      readErrorBody('{"error":{"code":"invalid_token","message":"Token revoked"},"requestId":"r1"}'),
    ).toEqual({
      code: 'invalid_token',
      message: 'Token revoked',
      requestId: 'r1',
    })
    expect(readErrorBody('{"message":"Nope"}')).toEqual({ message: 'Nope' })
    expect(readErrorBody('{"error":"Nope"}')).toEqual({ message: 'Nope' })
    expect(readErrorBody('{"errors":[{"message":"a"},{"message":"b"}]}')).toEqual({ message: 'a; b' })
    expect(readErrorBody('')).toEqual({})
    expect(readErrorBody('<!doctype html><title>502</title>')).toEqual({})
  })

  it('clips long messages', () => {
    expect(readErrorBody(JSON.stringify({ message: 'x'.repeat(1000) })).message?.length).toBeLessThan(310)
  })

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(() => readErrorBody(text)).not.toThrow()
      }),
    )
  })

  it('gives a TagoraApiError for any error body and status', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 400, max: 599 }),
        fc.oneof(fc.string(), fc.json()),
        async (status, text) => {
          const { fetch } = createFakeFetch(() => ({ status, text }))
          const client = createTagoraClient({
            baseUrl: 'https://api.test',
            fetchImpl: fetch,
            logger: silentLogger,
          })
          const error: unknown = await client.renew('r').catch((caught: unknown) => caught)
          expect(error).toBeInstanceOf(TagoraApiError)
          expect((error as TagoraApiError).status).toBe(status)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('decodeJwtClaims', () => {
  it('decodes a base64url payload without verifying', () => {
    const token = makeJwt({ exp: 1_700_000_000, orgId: 'org-1', sub: 7, name: 'Ñandú ✓' })
    const claims = decodeJwtClaims(token)
    expect(claims).toEqual({ exp: 1_700_000_000, orgId: 'org-1', sub: 7, name: 'Ñandú ✓' })
    expect(jwtExpiryMs(claims)).toBe(1_700_000_000_000)
    expect(pickIdClaim(claims, ['organizationId', 'orgId'])).toBe('org-1')
    expect(pickIdClaim(claims, ['userId', 'sub'])).toBe(7)
  })

  it('returns null for anything else', () => {
    expect(decodeJwtClaims('')).toBeNull()
    expect(decodeJwtClaims('opaque-token')).toBeNull()
    expect(decodeJwtClaims('a.b')).toBeNull()
    expect(decodeJwtClaims('a.!!!.c')).toBeNull()
    expect(decodeJwtClaims(`x.${Buffer.from('[1,2]').toString('base64url')}.y`)).toBeNull()
    expect(decodeJwtClaims(`x.${Buffer.from('not json').toString('base64url')}.y`)).toBeNull()
    expect(jwtExpiryMs({ exp: 'soon' })).toBeNull()
  })
})
