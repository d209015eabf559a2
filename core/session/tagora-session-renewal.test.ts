import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../test/fakes/fake-clock'
import { ACCOUNT, apiError, createSessionKit } from '../../test/support/session-kit'

const MINUTE = 60_000

describe('TagoraSession renewal schedule', () => {
  it('renews 120 s before the JWT exp, and again after', async () => {
    const { session, signIn, clock, server } = createSessionKit()
    const start = clock.now()
    await signIn()
    expect(session.state().lastRenewedAt).toBeNull()
    expect(clock.nextTimerAt()).toBe(start + 3_480_000)
    await clock.tick(3_480_000 - 1)
    expect(server.renewCalls).toHaveLength(0)
    await clock.tick(1)
    expect(server.renewCalls).toHaveLength(1)
    expect(session.state().lastRenewedAt).toBe(start + 3_480_000)
    expect(clock.nextTimerAt()).toBe(start + 2 * 3_480_000)
  })

  it('renews at half-life when the token lives under 4 minutes', async () => {
    const { signIn, clock, server } = createSessionKit()
    server.lifetimeSeconds = 180
    const start = clock.now()
    await signIn()
    expect(clock.nextTimerAt()).toBe(start + 90_000)
  })

  it.each([
    ['ahead', 10 * MINUTE],
    ['behind', -10 * MINUTE],
  ])('judges exp on the server clock when it is 10 minutes %s', async (_label, offset) => {
    const { signIn, clock, server, session } = createSessionKit()
    server.offsetMs = offset
    const start = clock.now()
    await signIn()
    // exp is written in server time; the renewal still lands 120 s before it on our clock.
    expect(clock.nextTimerAt()).toBe(start + 3_480_000)
    expect(session.state().accessExpiresAt).toBe(start + 3_600_000)
    await clock.tick(3_480_000)
    expect(server.renewCalls).toHaveLength(1)
  })
})

describe('TagoraSession renewal failures', () => {
  it('retries after 5, 10 and 15 s, then signs out with the reason', async () => {
    const { signIn, clock, server, session, store } = createSessionKit()
    for (let i = 0; i < 4; i += 1) server.renewFailures.push(apiError('api-unreachable'))
    await signIn()
    await clock.tick(3_480_000)
    expect(server.renewCalls).toHaveLength(1)
    expect(session.state().phase).toBe('renewing')
    // The failure as facts; no ending while retries remain.
    expect(session.state().lastRenewalProblem).toMatchObject({
      ending: null,
      error: { code: 'api-unreachable' },
    })
    for (const [wait, calls] of [
      [5_000, 2],
      [10_000, 3],
    ] as const) {
      await clock.tick(wait - 1)
      expect(server.renewCalls).toHaveLength(calls - 1)
      await clock.tick(1)
      expect(server.renewCalls).toHaveLength(calls)
      expect(session.state().phase).toBe('renewing')
    }
    await clock.tick(15_000)
    expect(server.renewCalls).toHaveLength(4)
    expect(session.state()).toMatchObject({ phase: 'signed-out', email: 'dispatch@example.com' })
    expect(session.state().signedOut).toMatchObject({
      code: 'renewal-failed',
      problem: { code: 'api-unreachable', facts: { target: 'https://api.test/integration/v1' } },
    })
    expect(clock.pendingCount()).toBe(0)
    // Not refused, only unreachable: the saved sign-in may still work at the next launch.
    expect(await store.get(ACCOUNT)).not.toBeNull()
  })

  it('adds at most 500 ms of jitter', async () => {
    const { signIn, clock, server } = createSessionKit({ random: () => 0.9999 })
    server.renewFailures.push(apiError('server-error', 503), apiError('timeout'))
    await signIn()
    await clock.tick(3_480_000)
    await clock.tick(5_000)
    expect(server.renewCalls).toHaveLength(1)
    await clock.tick(500)
    expect(server.renewCalls).toHaveLength(2)
  })

  it('recovers when a retry succeeds', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    server.renewFailures.push(apiError('rate-limited', 429))
    await signIn()
    await clock.tick(3_480_000 + 5_000)
    expect(server.renewCalls).toHaveLength(2)
    expect(session.state()).toMatchObject({
      phase: 'signed-in',
      lastRenewalProblem: null,
    })
  })

  it.each([
    ['401', apiError('unauthorized', 401)],
    ['403', apiError('forbidden', 403)],
    ['400', apiError('validation', 400)],
    ['an invalid-token body', apiError('server-error', 500, { serverCode: 'invalid_token' })],
  ])('ends at once on %s and never sends the refused token again', async (_label, failure) => {
    const { signIn, clock, server, session, store } = createSessionKit()
    server.renewFailures.push(failure)
    await signIn()
    const refused = await store.get(ACCOUNT)
    await clock.tick(3_480_000)
    expect(server.renewCalls).toEqual([refused])
    expect(session.state().phase).toBe('signed-out')
    expect(session.state().signedOut?.code).toBe('renewal-refused')
    expect(await store.get(ACCOUNT)).toBeNull()
    expect(clock.pendingCount()).toBe(0)
    await clock.tick(10 * MINUTE)
    if (refused) await store.set(ACCOUNT, refused)
    await session.restore({ apiUrl: session.state().apiUrl, email: 'dispatch@example.com' })
    expect(server.renewCalls).toEqual([refused])
  })
})

describe('TagoraSession rotation and wall-clock checks', () => {
  it('replaces the renewToken in memory and keychain at once', async () => {
    const { signIn, clock, server, store } = createSessionKit()
    await signIn(true)
    const first = await store.get(ACCOUNT)
    await clock.tick(3_480_000)
    const second = await store.get(ACCOUNT)
    expect(second).not.toBe(first)
    await clock.tick(3_480_000)
    expect(server.renewCalls).toEqual([first, second])
  })

  it('keeps nothing in the keychain across renewals when remember is off', async () => {
    const { signIn, clock, server, store } = createSessionKit()
    await signIn(false)
    await clock.tick(2 * 3_480_000)
    expect(server.renewCalls).toHaveLength(2)
    expect(await store.get(ACCOUNT)).toBeNull()
  })

  it('renews at once on resume when the schedule went stale during sleep', async () => {
    const { signIn, clock, server, session, power } = createSessionKit()
    await signIn()
    clock.jump(2 * 60 * MINUTE)
    power.resume()
    await flushPromises()
    expect(server.renewCalls).toHaveLength(1)
    expect(session.state()).toMatchObject({ phase: 'signed-in', accessExpiresAt: clock.now() + 3_600_000 })
  })

  it('does not renew on resume when the token is still fresh', async () => {
    const { signIn, clock, server, power } = createSessionKit()
    const start = clock.now()
    await signIn()
    clock.jump(10 * MINUTE)
    power.resume()
    await flushPromises()
    expect(server.renewCalls).toHaveLength(0)
    expect(clock.nextTimerAt()).toBe(start + 3_480_000)
  })

  it('ends the session on resume when the expired token is refused', async () => {
    const { signIn, clock, server, session, power } = createSessionKit()
    await signIn()
    server.renewFailures.push(apiError('unauthorized', 401))
    clock.jump(3 * 60 * MINUTE)
    power.resume()
    await flushPromises()
    expect(session.state().phase).toBe('signed-out')
  })

  it('treats a timer that fires far too late as a resume', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    await signIn()
    clock.jump(5 * 60 * MINUTE)
    await clock.tick(0)
    expect(server.renewCalls).toHaveLength(1)
    expect(session.state().accessExpiresAt).toBe(clock.now() + 3_600_000)
  })
})
