import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { advance, connectionConfig, createConnectionKit, waitFor } from '../support/connection-kit'
import type { TavioFake } from '../fakes/fake-tavio'
import { startTavioFake } from '../fakes/fake-tavio'
import { problemWords } from '../support/problem-words'
import { clientCredentialsForm } from '../../core/connections/schemes/tavio'
import type { TavioOrgAdminConfig } from '../../core/connections/schemes/tavio'
import { savableConnectionConfigSchema } from '../../shared/schemas/connections'
import { settingsSchema } from '../../shared/schemas/settings'

let fake: TavioFake
let kit: ReturnType<typeof createConnectionKit>
const count = (suffix: string) => fake.requests.filter((r) => r.path.endsWith(suffix)).length

/** The fake every test starts with; a test that needs another closes it and starts its own. */
const startFake = (changes: Partial<Parameters<typeof startTavioFake>[0]> = {}) =>
  startTavioFake({
    orgDomain: 'acme',
    username: 'ops@acme.test',
    password: 'tavio-pass',
    envDomain: 'fleet-prod',
    clientId: 'client-1',
    clientSecret: 'client-secret-1',
    now: () => kit.clock.now(),
    ...changes,
  })

beforeEach(async () => {
  kit = createConnectionKit()
  fake = await startFake()
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

const adminConfig = (extra: { scope?: string; baseUrl?: string } = {}) =>
  connectionConfig({
    id: 'adm',
    name: 'Tavio admin',
    scheme: 'tavio-orgadmin',
    baseUrl: fake.url,
    orgDomain: 'acme',
    clientId: 'client-1',
    ...extra,
  })

describe('Tavio orgadmin (OAuth 2.0 client credentials) against the fake', () => {
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

  it('a client secret with spaces, a colon and "Bearer" in it is sent as typed (HTTP Basic, form-encoded)', async () => {
    await fake.close()
    const odd = 'Bearer s3cr3t: with  spaces'
    fake = await startFake({ clientSecret: odd })
    await kit.service.save(adminConfig(), odd)
    expect((await kit.service.test('adm')).status.phase).toBe('connected')
  })

  it('a wrong client secret is refused with the RFC error shown', async () => {
    await kit.service.save(adminConfig(), 'wrong-secret')
    await expect(kit.service.test('adm')).rejects.toMatchObject({ code: 'invalid-credentials', status: 401 })
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain('invalid_client')
  })
})

describe('Tavio: what the document does not state is overridable, and the admin scope optional', () => {
  it('an empty admin scope sends no scope parameter; the fake sees none and the client’s own scope applies', async () => {
    await kit.service.save(adminConfig({ scope: '' }), 'client-secret-1')
    const result = await kit.service.test('adm')
    expect(result.status.phase).toBe('connected')
    const token = fake.requests.find((r) => r.path.endsWith('/oauth/token'))
    expect(token?.body).toEqual({ grant_type: 'client_credentials' })
    expect(fake.scopesSeen).toEqual([null])
    expect(clientCredentialsForm('organization_admin')).toEqual({
      grant_type: 'client_credentials',
      scope: 'organization_admin',
    })
  })

  it('a scope the server does not know is refused with the RFC’s words; a malformed one never leaves the form', async () => {
    await kit.service.save(adminConfig({ scope: 'everything' }), 'client-secret-1')
    await expect(kit.service.test('adm')).rejects.toMatchObject({ status: 400 })
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain('invalid_scope')
    const bad = savableConnectionConfigSchema.safeParse({ ...adminConfig(), scope: 'a  "b"' })
    expect(bad.error?.issues[0]?.message).toBe('oauth-scope')
  })

  it('login method and body names, connect and renew methods follow the connection’s overrides', async () => {
    await fake.close()
    fake = await startFake({
      reading: {
        login: 'PUT',
        connect: 'GET',
        renew: 'PUT',
        usernameField: 'email',
        passwordField: 'secret',
      },
    })
    const overrides = {
      methods: { login: 'PUT', connect: 'GET', renew: 'PUT' },
      bodyFields: { username: 'email', password: 'secret' },
    } as const
    await kit.service.save(
      connectionConfig({ ...orgConfig('fleet-prod'), baseUrl: fake.url, overrides }),
      'tavio-pass',
    )
    // Our reading (POST {username, password}) is what the fake would now refuse.
    expect((await fetch(`${fake.url}/v1/acme/auth/login`, { method: 'POST' })).status).toBe(405)
    const result = await kit.service.test('tav')
    expect(result.status).toMatchObject({ phase: 'connected', parentPhase: 'connected' })
    const login = fake.requests.find((r) => r.path.endsWith('/auth/login') && r.method === 'PUT')
    expect(login?.body).toEqual({ email: 'ops@acme.test', secret: 'tavio-pass' })
    expect(fake.requests.find((r) => r.path.endsWith('/connect'))?.method).toBe('GET')
    await advance(kit.clock, 3600_000 - 110_000)
    await waitFor(() => count('/auth/token/renew') === 2, 'both tokens renewed with PUT')
    expect(fake.requests.filter((r) => r.path.endsWith('/auth/token/renew')).map((r) => r.method)).toEqual([
      'PUT',
      'PUT',
    ])
  })

  it('a login override to GET is refused in the form and, from a hand-edited file, before sending', async () => {
    const withGet = connectionConfig({ ...orgConfig(), overrides: { methods: { login: 'GET' } } })
    expect(savableConnectionConfigSchema.safeParse(withGet).error?.issues[0]?.message).toBe('get-with-body')
    expect(
      savableConnectionConfigSchema.safeParse({ ...withGet, overrides: { methods: { login: 'PATCH' } } })
        .error?.issues[0]?.message,
    ).toBe('http-method')
    kit.setConfigs([withGet])
    await kit.secretStore.set('connection|tav|password', 'tavio-pass')
    const sent = fake.requests.length
    await expect(kit.service.test('tav')).rejects.toMatchObject({ code: 'get-with-body' })
    expect(fake.requests).toHaveLength(sent)
  })

  it('an admin connection from an earlier version keeps the scope it sent (a field override then)', () => {
    const saved = adminConfig({ baseUrl: 'https://tavio.example' }) as TavioOrgAdminConfig
    // An earlier version wrote no `scope` key.
    const { scope: _unwritten, ...earlier } = saved
    const read = (config: object) => settingsSchema.parse({ connections: [config] }).connections[0]
    expect(read(earlier)).toMatchObject({ scope: 'organization_admin' })
    expect(
      read({ ...earlier, overrides: { fields: { scope: 'org_admin', accessToken: 'tok' } } }),
    ).toMatchObject({
      scope: 'org_admin',
      overrides: { fields: { accessToken: 'tok' } },
    })
  })
})
