import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../test/fakes/fake-clock'
import {
  ACCOUNT,
  apiError,
  createSessionKit,
  protectedCall,
  unauthorizedCall,
} from '../../test/support/session-kit'

describe('TagoraSession.authorized', () => {
  it('passes the current access token and the client', async () => {
    const { session, signIn, server } = createSessionKit()
    await signIn()
    const result = await session.authorized((token, client) =>
      Promise.resolve({ token, base: client.baseUrl }),
    )
    expect(result.token).toBe(server.currentAccess)
    expect(result.base).toBe(server.client.baseUrl)
  })

  it('renews exactly once for five concurrent 401s, then retries each call', async () => {
    const { session, signIn, server } = createSessionKit()
    await signIn()
    const oldToken = server.currentAccess
    server.currentAccess = 'revoked-server-side'
    server.holdRenewals()
    const seen: string[] = []
    const calls = Array.from({ length: 5 }, () => session.authorized(protectedCall(server, seen)))
    await flushPromises()
    expect(server.renewCalls).toHaveLength(1)
    server.releaseRenewals()
    await expect(Promise.all(calls)).resolves.toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(server.renewCalls).toHaveLength(1)
    expect(seen.filter((token) => token === oldToken)).toHaveLength(5)
    expect(seen.filter((token) => token === server.currentAccess)).toHaveLength(5)
  })

  it('ends the session on a second 401', async () => {
    const { session, signIn, server, store } = createSessionKit()
    await signIn()
    const call = session.authorized(() => Promise.reject(unauthorizedCall()))
    await expect(call).rejects.toMatchObject({ code: 'unauthorized', requestId: 'd-1' })
    expect(server.renewCalls).toHaveLength(1)
    expect(session.state().phase).toBe('signed-out')
    expect(session.state().signedOut).toMatchObject({
      code: 'rejected-twice',
      problem: { code: 'unauthorized', facts: { call: 'GET /devices' } },
    })
    expect(await store.get(ACCOUNT)).toBeNull()
  })

  it('passes other errors through without renewing', async () => {
    const { session, signIn, server } = createSessionKit()
    await signIn()
    await expect(
      session.authorized(() => Promise.reject(apiError('server-error', 500))),
    ).rejects.toMatchObject({
      code: 'server-error',
    })
    expect(server.renewCalls).toHaveLength(0)
    expect(session.state().phase).toBe('signed-in')
  })

  it('renews before sending when a sleep left the token past its renew time', async () => {
    const { session, signIn, server, clock } = createSessionKit()
    await signIn()
    clock.jump(3_500_000)
    const seen: string[] = []
    await expect(session.authorized(protectedCall(server, seen))).resolves.toBe('ok')
    expect(server.renewCalls).toHaveLength(1)
    expect(seen).toEqual([server.currentAccess])
  })

  it('keeps sending with the still-valid token while renewal retries run', async () => {
    const { session, signIn, server, clock } = createSessionKit()
    server.renewFailures.push(apiError('api-unreachable'))
    await signIn()
    await clock.tick(3_480_000)
    expect(session.state().phase).toBe('renewing')
    const seen: string[] = []
    await expect(session.authorized(protectedCall(server, seen))).resolves.toBe('ok')
    expect(server.renewCalls).toHaveLength(1)
  })

  it('fails the waiting call when the renewal it waited for ends the session', async () => {
    const { session, signIn, server } = createSessionKit()
    await signIn()
    server.currentAccess = 'revoked-server-side'
    server.renewFailures.push(apiError('forbidden', 403))
    await expect(session.authorized(protectedCall(server))).rejects.toMatchObject({ code: 'signed-out' })
    expect(session.state().signedOut).toMatchObject({
      code: 'renewal-refused',
      problem: { code: 'forbidden' },
    })
  })

  it('refuses to run when signed out', async () => {
    const { session } = createSessionKit()
    let ran = false
    const call = session.authorized(() => {
      ran = true
      return Promise.resolve()
    })
    await expect(call).rejects.toMatchObject({
      code: 'signed-out',
      message: 'You are signed out of Tagora. Sign in again.',
    })
    expect(ran).toBe(false)
  })
})
