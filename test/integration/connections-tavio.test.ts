import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { advance, connectionConfig, createConnectionKit, waitFor } from '../support/connection-kit'
import type { TavioFake } from '../fakes/fake-tavio'
import { startTavioFake } from '../fakes/fake-tavio'
import { problemWords } from '../support/problem-words'

let fake: TavioFake
let kit: ReturnType<typeof createConnectionKit>
const count = (suffix: string) => fake.requests.filter((r) => r.path.endsWith(suffix)).length

beforeEach(async () => {
  kit = createConnectionKit()
  fake = await startTavioFake({
    orgDomain: 'acme',
    username: 'ops@acme.test',
    password: 'tavio-pass',
    envDomain: 'fleet-prod',
    clientId: 'client-1',
    clientSecret: 'client-secret-1',
    now: () => kit.clock.now(),
  })
})
afterEach(async () => {
  kit.service.dispose()
  await fake.close()
})

const orgConfig = (envDomain = '') =>
  connectionConfig({
    id: 'tav',
    name: 'Tavio',
    scheme: 'tavio',
    baseUrl: fake.url,
    orgDomain: 'acme',
    username: 'ops@acme.test',
    envDomain,
  })

describe('Tavio orgauth and envauth against the fake', () => {
  it('orgauth: logs in at /v1/{org}/auth/login, presents Bearer, renews at /auth/token/renew before expiresIn', async () => {
    await kit.service.save(orgConfig(), 'tavio-pass')
    const result = await kit.service.test('tav')
    expect(result.checked).toBe('GET /v1/acme/environments → 200')
    expect(result.status).toMatchObject({
      phase: 'connected',
      lifetimeSource: 'expires-in',
      renewal: 'renew-endpoint',
    })
    expect(result.lifetimeSeconds).toBe(3600)
    const probe = fake.requests.find((r) => r.path === '/v1/acme/environments')
    expect(probe?.headers.authorization).toMatch(/^Bearer tavio-org-/)
    await advance(kit.clock, 3600_000 - 110_000)
    await waitFor(
      () => count('/auth/token/renew') === 1 && kit.service.engine('tav').status().phase === 'connected',
      'renewal',
    )
    const renew = fake.requests.find((r) => r.path.endsWith('/auth/token/renew'))
    expect(renew?.headers.authorization).toBe(probe?.headers.authorization)
    const after = await kit.service.engine('tav').request({ method: 'GET', path: '/v1/acme/environments' })
    expect(after.status).toBe(200)
    expect(count('/auth/login')).toBe(1)
  })

  it('envauth: derived from the orgauth at /environments/{env}/connect, presented instead of it, renewed too', async () => {
    await kit.service.save(orgConfig('fleet-prod'), 'tavio-pass')
    const result = await kit.service.test('tav')
    expect(result.status).toMatchObject({ phase: 'connected', parentPhase: 'connected' })
    const connect = fake.requests.find((r) => r.path.endsWith('/connect'))
    expect(connect?.headers.authorization).toMatch(/^Bearer tavio-org-/)
    const probe = fake.requests.filter((r) => r.path === '/v1/acme/environments').at(-1)
    expect(probe?.headers.authorization).toMatch(/^Bearer tavio-env-/)
    await advance(kit.clock, 3600_000 - 110_000)
    await waitFor(() => count('/auth/token/renew') === 2, 'both tokens renewed')
  })

  it('an expired parent token when deriving: the orgauth is renewed first, then the envauth derived', async () => {
    await kit.service.save(orgConfig('fleet-prod'), 'tavio-pass')
    await kit.service.test('tav')
    const engine = kit.service.engine('tav')
    engine.signOut()
    fake.tavioFaults.expireOrgTokens = true
    await engine.request({ method: 'GET', path: '/v1/acme/environments' })
    expect(count('/auth/token/renew')).toBe(1)
    expect(count('/connect')).toBe(3)
  })

  it('an expired parent that cannot be renewed nor re-obtained gives a parent-expired error', async () => {
    await kit.service.save(orgConfig('fleet-prod'), 'tavio-pass')
    await kit.service.test('tav')
    const engine = kit.service.engine('tav')
    engine.signOut()
    fake.tavioFaults.expireOrgTokens = true
    fake.tavioFaults.refuseRenew = true
    fake.setPassword('changed')
    await expect(engine.request({ method: 'GET', path: '/v1/acme/environments' })).rejects.toMatchObject({
      code: 'parent-expired',
    })
    expect(problemWords(engine.status().lastProblem)).toContain('orgauth')
  })

  it('wrong credentials and a renew without the token field are reported', async () => {
    await kit.service.save(orgConfig(), 'nope')
    await expect(kit.service.test('tav')).rejects.toMatchObject({ code: 'invalid-credentials' })
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain(
      'Invalid username or password',
    )
    await kit.service.save(orgConfig(), 'tavio-pass')
    await kit.service.test('tav')
    fake.tavioFaults.emptyRenew = true
    await advance(kit.clock, 3600_000 - 110_000)
    for (const wait of [5_000, 10_000, 15_000]) {
      await waitFor(
        () => kit.service.engine('tav').status().lastProblem?.error.code === 'missing-field',
        'failed attempt',
      )
      await advance(kit.clock, wait + 1)
    }
    await waitFor(() => kit.service.engine('tav').status().phase === 'needs-attention', 'giving up')
    expect(problemWords(kit.service.engine('tav').status().lastProblem)).toContain('"token"')
  })

  it('field names and paths are configurable per connection', async () => {
    await kit.service.save(
      connectionConfig({
        id: 'tav',
        name: 'Tavio',
        scheme: 'tavio',
        baseUrl: fake.url,
        orgDomain: 'acme',
        username: 'ops@acme.test',
        overrides: { fields: { token: 'accessToken' } },
      }),
      'tavio-pass',
    )
    await expect(kit.service.test('tav')).rejects.toMatchObject({ code: 'missing-field' })
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain('"accessToken"')
  })
})

describe('Tavio orgadmin (OAuth 2.0 client credentials) against the fake', () => {
  const adminConfig = () =>
    connectionConfig({
      id: 'adm',
      name: 'Tavio admin',
      scheme: 'tavio-orgadmin',
      baseUrl: fake.url,
      orgDomain: 'acme',
      clientId: 'client-1',
    })

  it('obtains with HTTP Basic client credentials, reads the JWT exp, re-obtains before expiry', async () => {
    await kit.service.save(adminConfig(), 'client-secret-1')
    const result = await kit.service.test('adm')
    expect(result.status).toMatchObject({
      phase: 'connected',
      lifetimeSource: 'jwt-exp',
      renewal: 're-obtain',
    })
    const token = fake.requests.find((r) => r.path.endsWith('/oauth/token'))
    expect(token?.body).toEqual({ grant_type: 'client_credentials', scope: 'organization_admin' })
    expect(token?.headers.authorization).toMatch(/^Basic /)
    await advance(kit.clock, 3600_000 - 110_000)
    await waitFor(
      () => count('/oauth/token') === 2 && kit.service.engine('adm').status().phase === 'connected',
      're-obtain',
    )
    expect(kit.logs.join('\n')).not.toContain('client-secret-1')
  })

  it('a wrong client secret is refused with the RFC error shown', async () => {
    await kit.service.save(adminConfig(), 'wrong-secret')
    await expect(kit.service.test('adm')).rejects.toMatchObject({ code: 'invalid-credentials', status: 401 })
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain('invalid_client')
  })
})
