import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeJwtClaims } from './jwt'
import { startSimulator } from './simulator'
import { call, errorCode, login } from '../../test/support/simulator-kit'
import type { Envelope, LoginData } from '../../test/support/simulator-kit'
import type { Simulator } from './types'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('simulator auth', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator({ vehicles: 6, autoTick: false, seed: 1 })
  })
  afterAll(() => sim.close())

  it('serves at apiBaseUrl with the demo credentials', () => {
    expect(sim.apiBaseUrl).toBe(`${sim.url}/integration/v1`)
    expect(sim.credentials).toEqual({ email: 'demo@tagora.test', password: 'demo-password' })
  })

  it('logs in and wraps the result in the envelope, echoing requestId and sending Date', async () => {
    const res = await call(sim, 'POST', '/auth/login', { body: sim.credentials })
    expect(res.status).toBe(200)
    const body = res.body as Envelope<LoginData>
    expect(body.requestId).toMatch(UUID)
    expect(res.headers.get('x-request-id')).toBe(body.requestId)
    expect(Number.isNaN(Date.parse(res.headers.get('date') ?? ''))).toBe(false)
    expect(body.data).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 })
    expect(body.data.renewToken).toEqual(expect.any(String))
  })

  it('issues a JWT with the documented claims and exp = iat + ttl', async () => {
    const { accessToken } = await login(sim)
    const claims = decodeJwtClaims(accessToken)
    expect(claims).toMatchObject({ scope: 'integration', email: 'demo@tagora.test' })
    expect(claims?.sub).toBe(claims?.userId)
    expect(claims?.organizationId).toEqual(expect.any(String))
    expect(claims?.jti).toMatch(UUID)
    const iat = claims?.iat as number
    expect(claims?.exp).toBe(iat + 3600)
    expect(Math.abs(iat * 1000 - Date.now())).toBeLessThan(5000)
  })

  it('rejects a bad password, an unknown user and malformed bodies', async () => {
    const bad = await call(sim, 'POST', '/auth/login', { body: { email: 'demo@tagora.test', password: 'x' } })
    expect(bad.status).toBe(401)
    expect(errorCode(bad)).toBe('invalid_credentials')
    expect((bad.body as { requestId: string }).requestId).toMatch(UUID)
    const unknown = await call(sim, 'POST', '/auth/login', { body: { email: 'who@x.test', password: 'x' } })
    expect(unknown.status).toBe(401)
    const broken = await call(sim, 'POST', '/auth/login', { rawBody: '{"email":' })
    expect(broken.status).toBe(400)
    expect(errorCode(broken)).toBe('invalid_request')
    const missing = await call(sim, 'POST', '/auth/login', { body: { email: 'demo@tagora.test' } })
    expect(missing.status).toBe(400)
  })

  it('rotates the renewToken on every renew and revokes the family when a rotated one is reused', async () => {
    const first = await login(sim)
    const r1 = await call(sim, 'POST', '/auth/renew', { body: { renewToken: first.renewToken } })
    expect(r1.status).toBe(200)
    const second = (r1.body as Envelope<LoginData>).data
    expect(second.renewToken).not.toBe(first.renewToken)
    expect(second.accessToken).not.toBe(first.accessToken)
    expect(second.expiresIn).toBe(3600)
    // Reuse of the rotated token: refused, and it burns the live token of the same family too.
    const reuse = await call(sim, 'POST', '/auth/renew', { body: { renewToken: first.renewToken } })
    expect(reuse.status).toBe(401)
    expect(errorCode(reuse)).toBe('invalid_token')
    const afterReuse = await call(sim, 'POST', '/auth/renew', { body: { renewToken: second.renewToken } })
    expect(afterReuse.status).toBe(401)
    // Another login is another family and is unaffected.
    const other = await login(sim)
    expect((await call(sim, 'POST', '/auth/renew', { body: { renewToken: other.renewToken } })).status).toBe(
      200,
    )
  })

  it('refuses unknown renew tokens and those revoked by revokeRenewTokens', async () => {
    const unknown = await call(sim, 'POST', '/auth/renew', { body: { renewToken: 'rt_nope' } })
    expect(unknown.status).toBe(401)
    expect(errorCode(unknown)).toBe('invalid_token')
    const session = await login(sim)
    expect(sim.fleet.revokeRenewTokens('someone@else.test')).toBe(0)
    expect(sim.fleet.revokeRenewTokens('demo@tagora.test')).toBeGreaterThan(0)
    const res = await call(sim, 'POST', '/auth/renew', { body: { renewToken: session.renewToken } })
    expect(res.status).toBe(401)
  })

  it('guards protected routes: missing, forged, expired and wrong-scope tokens', async () => {
    expect((await call(sim, 'GET', '/devices')).status).toBe(401)
    const { accessToken } = await login(sim)
    const forged = `${accessToken.slice(0, -4)}AAAA`
    expect(errorCode(await call(sim, 'GET', '/devices', { token: forged }))).toBe('invalid_token')
    const expired = sim.mintAccessToken({ ttlSec: -1 })
    const res = await call(sim, 'GET', '/devices', { token: expired })
    expect(res.status).toBe(401)
    expect(errorCode(res)).toBe('token_expired')
    const wrongScope = await call(sim, 'GET', '/devices', { token: sim.mintAccessToken({ scope: 'admin' }) })
    expect(wrongScope.status).toBe(403)
    expect(errorCode(wrongScope)).toBe('insufficient_scope')
  })

  it('answers unknown routes with 404 and wrong methods with 405, in the envelope', async () => {
    const missing = await call(sim, 'GET', '/nope')
    expect(missing.status).toBe(404)
    expect(errorCode(missing)).toBe('not_found')
    expect((await call(sim, 'GET', '/auth/login')).status).toBe(405)
  })
})

describe('simulator clock', () => {
  it('expires access tokens by the server clock', async () => {
    let now = Date.UTC(2025, 5, 1, 12)
    const sim = await startSimulator({ vehicles: 3, autoTick: false, accessTokenTtlSec: 600, now: () => now })
    try {
      const { accessToken } = await login(sim)
      expect((await call(sim, 'GET', '/devices', { token: accessToken })).status).toBe(200)
      now += 599_000
      expect((await call(sim, 'GET', '/devices', { token: accessToken })).status).toBe(200)
      now += 1_000
      const res = await call(sim, 'GET', '/devices', { token: accessToken })
      expect(res.status).toBe(401)
      expect(new Date(res.headers.get('date') ?? '').getTime()).toBe(Math.floor(now / 1000) * 1000)
    } finally {
      await sim.close()
    }
  })
})
