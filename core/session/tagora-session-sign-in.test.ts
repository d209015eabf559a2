import { describe, expect, it } from 'vitest'
import type { SessionState } from '../../shared/domain/session'
import { silentLogger } from '../logging/logger'
import { TagoraApiError } from '../tagora/tagora-api-error'
import { FakeClock, flushPromises } from '../../test/fakes/fake-clock'
import {
  ACCOUNT,
  API_URL,
  apiError,
  createSessionKit,
  EMAIL,
  FakeAuthServer,
  FakePowerEvents,
} from '../../test/support/session-kit'
import { TagoraSession } from './tagora-session'
import { MemorySecretStore } from '../../test/fakes/fake-secret-store'

describe('TagoraSession.signIn', () => {
  it('signs in, exposing ids but never a token', async () => {
    const { session, signIn, server, clock } = createSessionKit()
    const state = await signIn()
    expect(state).toMatchObject({
      phase: 'signed-in',
      email: EMAIL,
      organizationId: '42',
      apiUrl: API_URL,
      demo: false,
      signedInSince: clock.now(),
      accessExpiresAt: clock.now() + 3_600_000,
      lastRenewalProblem: null,
      signedOut: null,
      rememberAvailable: true,
    })
    expect(session.claims()).toEqual({ organizationId: 42, userId: 'user-7' })
    expect(JSON.stringify(state)).not.toContain(server.currentAccess)
    expect(JSON.stringify(state)).not.toContain('renew-')
  })

  it('keeps the renewToken in the keychain only when asked to', async () => {
    const remembered = createSessionKit()
    await remembered.signIn(true)
    expect(await remembered.store.get(ACCOUNT)).toMatch(/^renew-/)

    const forgotten = createSessionKit()
    await forgotten.store.set(ACCOUNT, 'stale-from-last-week')
    await forgotten.signIn(false)
    expect(forgotten.session.state().phase).toBe('signed-in')
    expect(await forgotten.store.get(ACCOUNT)).toBeNull()
  })

  it('signs in anyway when no keychain is available, and says why remember is off', async () => {
    const clock = new FakeClock()
    const server = new FakeAuthServer(clock)
    const store = new MemorySecretStore()
    store.availability = () => Promise.resolve({ available: false, reason: 'No keyring service' }) as never
    const session = new TagoraSession({
      clock,
      secretStore: store,
      powerEvents: new FakePowerEvents(),
      logger: silentLogger,
      createClient: () => server.client,
    })
    const state = await session.signIn({
      apiUrl: API_URL,
      email: EMAIL,
      password: 'correct horse',
      remember: true,
    })
    expect(state).toMatchObject({
      phase: 'signed-in',
      rememberAvailable: false,
      rememberUnavailableReason: { code: 'keychain-unavailable', facts: { detail: 'No keyring service' } },
    })
    expect(await store.get(ACCOUNT)).toBeNull()
  })

  it('stays signed out with the email kept and rethrows on failure', async () => {
    const { session, store } = createSessionKit()
    const phases: string[] = []
    session.onChange((state) => phases.push(state.phase))
    const attempt = session.signIn({ apiUrl: API_URL, email: EMAIL, password: 'wrong', remember: true })
    await expect(attempt).rejects.toBeInstanceOf(TagoraApiError)
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-credentials' })
    expect(session.state()).toMatchObject({
      phase: 'signed-out',
      email: EMAIL,
      organizationId: null,
      signedOut: null,
    })
    expect(phases).toEqual(['signing-in', 'signed-out'])
    expect(await store.get(ACCOUNT)).toBeNull()
  })

  it('marks a demo session', async () => {
    const { session } = createSessionKit()
    const state = await session.signIn({
      apiUrl: API_URL,
      email: EMAIL,
      password: 'correct horse',
      remember: false,
      demo: true,
    })
    expect(state.demo).toBe(true)
  })
})

describe('TagoraSession.signOut', () => {
  it('clears tokens and timers and deletes the keychain entry', async () => {
    const { session, signIn, store, clock } = createSessionKit()
    await signIn(true)
    expect(clock.pendingCount()).toBe(1)
    const state = await session.signOut()
    expect(state).toMatchObject({
      phase: 'signed-out',
      email: EMAIL,
      signedOut: null,
      accessExpiresAt: null,
    })
    expect(await store.get(ACCOUNT)).toBeNull()
    expect(clock.pendingCount()).toBe(0)
    expect(session.claims()).toEqual({ organizationId: null, userId: null })
    await expect(session.authorized(() => Promise.resolve(1))).rejects.toMatchObject({ code: 'signed-out' })
  })
})

describe('TagoraSession.restore', () => {
  it('signs in silently with the saved renewToken and saves the rotated one', async () => {
    const { session, store, server } = createSessionKit()
    const saved = server.issueRenewToken()
    await store.set(ACCOUNT, saved)
    const state = await session.restore({ apiUrl: API_URL, email: EMAIL })
    expect(state.phase).toBe('signed-in')
    expect(server.renewCalls).toEqual([saved])
    const rotated = await store.get(ACCOUNT)
    expect(rotated).not.toBe(saved)
    expect(rotated).toMatch(/^renew-/)
  })

  it('does nothing when no sign-in was saved', async () => {
    const { session, server } = createSessionKit()
    const state = await session.restore({ apiUrl: API_URL, email: EMAIL })
    expect(state).toMatchObject({ phase: 'signed-out', email: EMAIL, signedOut: null })
    expect(server.renewCalls).toEqual([])
  })

  it('keeps the saved sign-in when the server could not be reached', async () => {
    const { session, store, server } = createSessionKit()
    await store.set(ACCOUNT, server.issueRenewToken())
    server.renewFailures.push(apiError('api-unreachable'))
    const state = await session.restore({ apiUrl: API_URL, email: EMAIL })
    expect(state.phase).toBe('signed-out')
    expect(state.email).toBe(EMAIL)
    expect(state.signedOut).toMatchObject({ code: 'restore-failed', problem: { code: 'api-unreachable' } })
    expect(await store.get(ACCOUNT)).not.toBeNull()
  })

  it('deletes the saved sign-in when Tagora refuses it, and never sends it again', async () => {
    const { session, store, server } = createSessionKit()
    await store.set(ACCOUNT, 'revoked-token')
    const state = await session.restore({ apiUrl: API_URL, email: EMAIL })
    expect(state.signedOut?.code).toBe('saved-sign-in-refused')
    expect(await store.get(ACCOUNT)).toBeNull()
    await store.set(ACCOUNT, 'revoked-token')
    await session.restore({ apiUrl: API_URL, email: EMAIL })
    expect(server.renewCalls).toEqual(['revoked-token'])
  })

  it('publishes signing-in then signed-in', async () => {
    const { session, store, server } = createSessionKit()
    await store.set(ACCOUNT, server.issueRenewToken())
    const seen: SessionState['phase'][] = []
    session.onChange((state) => seen.push(state.phase))
    await session.restore({ apiUrl: API_URL, email: EMAIL })
    await flushPromises()
    expect(seen).toEqual(['signing-in', 'signed-in'])
  })
})
