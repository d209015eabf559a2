import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { advance, connectionConfig, createConnectionKit, waitFor } from '../support/connection-kit'
import type { NugiosFake } from '../fakes/fake-nugios'
import { startNugiosFake } from '../fakes/fake-nugios'
import { problemWords } from '../support/problem-words'

const PASSWORD = 'nugios-pass-1'
const DAY = 24 * 3600 * 1000
let fake: NugiosFake
let kit: ReturnType<typeof createConnectionKit>

const config = () =>
  connectionConfig({
    id: 'nug',
    name: 'Nugios',
    scheme: 'nugios',
    baseUrl: fake.url,
    login: 'dispatch',
    timezoneOffsetMinutes: 240,
    overrides: { paths: { test: '/api/me' } },
  })
const logins = () => fake.requests.filter((r) => r.path === '/api/auth/login').length
const refreshes = () => fake.requests.filter((r) => r.path === '/api/auth/refresh-token')

beforeEach(async () => {
  kit = createConnectionKit()
  fake = await startNugiosFake({ login: 'dispatch', password: PASSWORD, now: () => kit.clock.now() })
  await kit.service.save(config(), PASSWORD)
})
afterEach(async () => {
  kit.service.dispose()
  await fake.close()
})

describe('Nugios scheme against its fake', () => {
  it('obtains with {login, password}, presents Bearer + X-nugios-timezone, and plans renewal 2 min before 30 days', async () => {
    const result = await kit.service.test('nug')
    expect(result.checked).toBe('GET /api/me → 200')
    expect(result.status).toMatchObject({
      phase: 'connected',
      lifetimeSource: 'fixed',
      renewal: 'refresh-token',
    })
    expect(result.lifetimeSeconds).toBe(30 * 24 * 3600)
    expect(result.status.expiresAt! - result.status.nextRenewalAt!).toBe(120_000)
    const login = fake.requests.find((r) => r.path === '/api/auth/login')
    expect(login?.body).toEqual({ login: 'dispatch', password: PASSWORD })
    const probe = fake.requests.find((r) => r.path === '/api/me')
    expect(probe?.headers.authorization).toMatch(/^Bearer nugios-access-/)
    expect(probe?.headers['x-nugios-timezone']).toBe('240')
    expect(login?.headers['x-nugios-timezone']).toBe('240')
    expect(kit.logs.join('\n')).not.toContain(PASSWORD)
  })

  it('renews with {refreshToken} before expiry and keeps the rotated refresh token', async () => {
    await kit.service.test('nug')
    await advance(kit.clock, 30 * DAY - 110_000)
    await waitFor(
      () => refreshes().length === 1 && kit.service.engine('nug').status().phase === 'connected',
      'first renewal',
    )
    await advance(kit.clock, 30 * DAY - 110_000)
    await waitFor(
      () => refreshes().length === 2 && kit.service.engine('nug').status().phase === 'connected',
      'second renewal',
    )
    const [first, second] = refreshes()
    expect(second?.body).not.toEqual(first?.body) // the rotated token was used: the old one is revoked
    expect(logins()).toBe(1)
    const me = await kit.service.engine('nug').request({ method: 'GET', path: '/api/me' })
    expect(me.body).toMatchObject({ login: 'dispatch', timezone: 240 })
  })

  it('a 401 on a call renews once (single flight) and retries', async () => {
    await kit.service.test('nug')
    fake.revokeAccess()
    const engine = kit.service.engine('nug')
    const results = await Promise.all([1, 2, 3].map(() => engine.request({ method: 'GET', path: '/api/me' })))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200])
    expect(refreshes()).toHaveLength(1)
  })

  it('a refused refresh falls back to the stored password; a changed password ends with a clear reason', async () => {
    await kit.service.test('nug')
    fake.nugiosFaults.refuseRefresh = true
    fake.revokeAccess()
    const engine = kit.service.engine('nug')
    await engine.request({ method: 'GET', path: '/api/me' })
    expect(logins()).toBe(2)
    fake.revokeAccess()
    await kit.service.save(config(), 'wrong-now')
    await expect(kit.service.engine('nug').request({ method: 'GET', path: '/api/me' })).rejects.toMatchObject(
      {
        code: 'invalid-credentials',
      },
    )
    expect((await kit.service.list())[0]?.status).toMatchObject({
      phase: 'needs-attention',
      lastProblem: { error: { code: 'invalid-credentials' } },
    })
  })

  it('wrong credentials say so', async () => {
    await kit.service.save(config(), 'not-the-password')
    await expect(kit.service.test('nug')).rejects.toMatchObject({ code: 'invalid-credentials', status: 401 })
    const [entry] = await kit.service.list()
    expect(problemWords(entry?.status.lastProblem)).toContain('Invalid login or password')
  })

  it('passwordExpired: true leads to changing the password, not to a working connection', async () => {
    fake.nugiosFaults.passwordExpired = true
    await expect(kit.service.test('nug')).rejects.toMatchObject({ code: 'password-expired' })
    const [entry] = await kit.service.list()
    expect(entry?.status).toMatchObject({
      phase: 'needs-attention',
      lastProblem: { error: { code: 'password-expired' } },
    })
    expect(problemWords(entry?.status.lastProblem)).toContain('Change it in Nugios')
  })

  it('a refresh answer without the token fields is retried 5/10/15 s, then the connection needs attention', async () => {
    await kit.service.test('nug')
    fake.nugiosFaults.emptyRefresh = true
    await advance(kit.clock, 30 * DAY - 110_000)
    for (const wait of [5_000, 10_000, 15_000]) {
      await waitFor(
        () => kit.service.engine('nug').status().lastProblem?.error.code === 'missing-field',
        'a failed attempt',
      )
      await advance(kit.clock, wait + 1)
    }
    await waitFor(() => kit.service.engine('nug').status().phase === 'needs-attention', 'giving up')
    expect(refreshes()).toHaveLength(4)
    expect(problemWords(kit.service.engine('nug').status().lastProblem)).toContain('"accessToken"')
    // The renderer heard each step without asking: renewing, each retry with its time, then the end.
    const retries = kit.pushed.flatMap((status) => (status.renewalRetry ? [status.renewalRetry.retry] : []))
    expect([...new Set(retries)]).toEqual([1, 2, 3])
    expect(kit.pushed.at(-1)).toMatchObject({ id: 'nug', phase: 'needs-attention', renewalRetry: null })
  })

  it('signs out: the token is dropped and the next call signs in afresh; removing forgets the keychain secret', async () => {
    await kit.service.test('nug')
    const engine = kit.service.engine('nug')
    engine.signOut()
    expect(engine.status()).toMatchObject({ phase: 'signed-out', expiresAt: null, nextRenewalAt: null })
    await engine.request({ method: 'GET', path: '/api/me' })
    expect(logins()).toBe(2)
    await kit.service.remove('nug')
    expect(await kit.secretStore.get('connection|nug|password')).toBeNull()
  })
})
