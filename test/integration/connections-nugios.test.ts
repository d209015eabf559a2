import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { advance, connectionConfig, createConnectionKit, waitFor } from '../support/connection-kit'
import type { NugiosFake } from '../fakes/fake-nugios'
import { NUGIOS_TEST_PATHS, startNugiosFake } from '../fakes/fake-nugios'
import { problemWords } from '../support/problem-words'
import { savableConnectionConfigSchema } from '../../shared/schemas/connections'
import { EARLIER_NUGIOS_PATHS } from '../../shared/schemas/connection-upgrade'
import { settingsSchema } from '../../shared/schemas/settings'
import { nugiosTimezoneMinutes, utcOffsetLabel } from '../../shared/domain/nugios-timezone'

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
    overrides: { paths: { ...NUGIOS_TEST_PATHS, test: '/api/me' } },
  })
const logins = () => fake.requests.filter((r) => r.path === NUGIOS_TEST_PATHS.login).length
const refreshes = () => fake.requests.filter((r) => r.path === NUGIOS_TEST_PATHS.refresh)

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
  it('obtains with {login, password}, presents Bearer + X-nugios-timezone, and plans renewal 2 min before the refresh token ends', async () => {
    const result = await kit.service.test('nug')
    expect(result.checked).toBe('GET /api/me → 200')
    expect(result.status).toMatchObject({
      phase: 'connected',
      lifetimeSource: 'fixed',
      renewal: 'refresh-token',
    })
    expect(result.lifetimeSeconds).toBe(30 * 24 * 3600)
    // The refresh token ends 32 s before the access token: renewal is 2 min before that.
    expect(result.status.expiresAt! - result.status.nextRenewalAt!).toBe(32_000 + 120_000)
    const login = fake.requests.find((r) => r.path === NUGIOS_TEST_PATHS.login)
    expect(login?.body).toEqual({ login: 'dispatch', password: PASSWORD })
    const probe = fake.requests.find((r) => r.path === '/api/me')
    expect(probe?.headers.authorization).toMatch(/^Bearer nugios-access-/)
    expect(probe?.headers['x-nugios-timezone']).toBe('240')
    expect(login?.headers['x-nugios-timezone']).toBe('240')
    // "Content-Type: application/json" on every request, the GET probe included (the fake refuses without).
    expect(probe).toMatchObject({ method: 'GET', headers: { 'content-type': 'application/json' } })
    expect(result.answer).toEqual({
      status: 200,
      itemCount: null,
      listField: null,
      items: ['{"login":"dispatch","timezone":240}'],
    })
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

  it('a password with spaces and the word "Bearer" is sent exactly as typed', async () => {
    const odd = ' Bearer of  good news '
    const own = await startNugiosFake({ login: 'dispatch', password: odd, now: () => kit.clock.now() })
    try {
      await kit.service.save(connectionConfig({ ...config(), baseUrl: own.url }), odd)
      expect((await kit.service.test('nug')).status.phase).toBe('connected')
      expect(own.requests[0]?.body).toEqual({ login: 'dispatch', password: odd })
    } finally {
      await own.close()
    }
  })

  it('wrong credentials say so', async () => {
    await kit.service.save(config(), 'not-the-password')
    await expect(kit.service.test('nug')).rejects.toMatchObject({ code: 'invalid-credentials', status: 401 })
    const [entry] = await kit.service.list()
    expect(problemWords(entry?.status.lastProblem)).toContain('Invalid login or password')
  })

  it('{accessToken: null, refreshToken: null, passwordExpired: true} reads "password expired", not a missing field', async () => {
    fake.nugiosFaults.passwordExpired = true
    await expect(kit.service.test('nug')).rejects.toMatchObject({ code: 'password-expired' })
    const answer = await (
      await fetch(`${fake.url}${NUGIOS_TEST_PATHS.login}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-nugios-timezone': '0' },
        body: JSON.stringify({ login: 'dispatch', password: PASSWORD }),
      })
    ).json()
    expect(answer).toEqual({ accessToken: null, refreshToken: null, passwordExpired: true })
    const [entry] = await kit.service.list()
    expect(entry?.status).toMatchObject({
      phase: 'needs-attention',
      lastProblem: { error: { code: 'password-expired' } },
    })
    expect(problemWords(entry?.status.lastProblem)).toContain('the password of "dispatch" has expired')
    expect(problemWords(entry?.status.lastProblem)).toContain('Change it in Nugios')
    expect(problemWords(entry?.status.lastProblem)).not.toContain('accessToken')
  })

  it('the same answer to a refresh ends the token with "password expired" and is not retried', async () => {
    await kit.service.test('nug')
    fake.nugiosFaults.passwordExpired = true
    fake.revokeAccess()
    await expect(kit.service.engine('nug').request({ method: 'GET', path: '/api/me' })).rejects.toBeTruthy()
    expect(refreshes()).toHaveLength(1)
    expect(kit.service.engine('nug').status()).toMatchObject({
      phase: 'needs-attention',
      lastProblem: { error: { code: 'password-expired' } },
    })
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

describe('Nugios: what the document leaves blank, and the refresh token’s own lifetime', () => {
  it('invents no request URL: a new connection must name both paths, and one without them sends nothing', async () => {
    const { overrides, ...rest } = config()
    const bare = { ...rest, overrides: { ...overrides, paths: {} } }
    const refused = savableConnectionConfigSchema.safeParse(bare)
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      'enter-login-path',
      'enter-refresh-path',
    ])
    kit.setConfigs([connectionConfig(bare)])
    const sent = fake.requests.length
    await expect(kit.service.test('nug')).rejects.toMatchObject({
      code: 'path-not-set',
      facts: { field: 'login' },
    })
    expect(fake.requests).toHaveLength(sent)
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain(
      'The login path of "Nugios" is not set: Nugios’s document leaves that request URL blank.',
    )
  })

  it('a connection an earlier version saved keeps the paths it sent to (the upgrade changes no request)', () => {
    const { overrides, ...rest } = config()
    const parsed = settingsSchema.parse({
      connections: [{ ...rest, overrides: { ...overrides, paths: {} } }],
    })
    expect(parsed.connections[0]?.overrides.paths).toEqual(EARLIER_NUGIOS_PATHS)
    const kept = settingsSchema.parse({ connections: [config()] })
    expect(kept.connections[0]?.overrides.paths).toMatchObject(NUGIOS_TEST_PATHS)
  })

  it('tracks the refresh token’s 2,591,968 s and renews before it ends (32 s before the access token)', async () => {
    const obtainedAt = kit.clock.now()
    const { status } = await kit.service.test('nug')
    expect(status.refreshExpiresAt).toBe(obtainedAt + 2_591_968_000)
    expect(status.expiresAt).toBe(obtainedAt + 43_200 * 60_000)
    expect(status.nextRenewalAt).toBe(obtainedAt + 2_591_968_000 - 120_000)
    await advance(kit.clock, 2_591_968_000 - 110_000)
    await waitFor(
      () => refreshes().length === 1 && kit.service.engine('nug').status().phase === 'connected',
      'renewal',
    )
    const renewedAt = kit.clock.now()
    // Rotated: a new refresh token, with its own 2,591,968 s.
    expect(kit.service.engine('nug').status().refreshExpiresAt).toBe(renewedAt + 2_591_968_000)
  })

  it('a refresh that hands back the same refresh token keeps its end; a refresh token past its end is not sent', async () => {
    fake.nugiosFaults.rotate = false
    const obtainedAt = kit.clock.now()
    await kit.service.test('nug')
    fake.revokeAccess()
    await kit.service.engine('nug').request({ method: 'GET', path: '/api/me' })
    expect(refreshes()).toHaveLength(1)
    expect(kit.service.engine('nug').status().refreshExpiresAt).toBe(obtainedAt + 2_591_968_000)
    // The desk slept past the refresh token's end: it signs in again with the stored password instead.
    kit.clock.jump(2_591_968_000 + 60_000)
    await advance(kit.clock, 1000)
    await waitFor(
      () => logins() === 2 && kit.service.engine('nug').status().phase === 'connected',
      'sign-in again',
    )
    expect(refreshes()).toHaveLength(1)
  })

  it('X-nugios-timezone is minutes east of UTC: the configured value, else this computer’s offset, never "-0"', () => {
    const at = (iso: string) => new Date(iso)
    // getTimezoneOffset is the other way round: UTC+4 → -240, Mexico City (UTC-6) → 360.
    const desk = (offset: number) => ({ getTimezoneOffset: () => offset }) as Date
    expect(nugiosTimezoneMinutes(240, at('2024-06-01T00:00:00Z'))).toBe(240)
    expect(nugiosTimezoneMinutes(null, desk(-240))).toBe(240)
    expect(nugiosTimezoneMinutes(null, desk(360))).toBe(-360)
    expect(Object.is(nugiosTimezoneMinutes(null, desk(0)), 0)).toBe(true)
    expect(utcOffsetLabel(-360)).toBe('UTC-06:00')
    expect(utcOffsetLabel(330)).toBe('UTC+05:30')
  })
})
