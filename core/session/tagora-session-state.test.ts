import { describe, expect, it } from 'vitest'
import type { SessionState } from '../../shared/domain/session'
import { MAX_TIMER_MS } from '../ports/clock'
import {
  ACCOUNT,
  API_URL,
  EMAIL,
  apiError,
  createSessionKit,
  unauthorizedCall,
} from '../../test/support/session-kit'

const RENEW_AT = 3_480_000

function record(session: { onChange(fn: (state: SessionState) => void): () => void }): SessionState[] {
  const states: SessionState[] = []
  session.onChange((state) => states.push(state))
  return states
}

describe('TagoraSession state for the header and the banner', () => {
  it('shows a quiet renewing phase during every renewal, without an error', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    await signIn()
    server.holdRenewals()
    const states = record(session)
    await clock.tick(RENEW_AT)
    expect(session.state()).toMatchObject({ phase: 'renewing', lastRenewalProblem: null, renewalRetry: null })
    server.releaseRenewals()
    await clock.tick(0)
    expect(states.map((s) => s.phase)).toEqual(['renewing', 'signed-in'])
  })

  it('says which retry comes next and when, and clears it once a retry works', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    server.renewFailures.push(apiError('server-error', 503), apiError('server-error', 502))
    await signIn()
    const start = clock.now()
    await clock.tick(RENEW_AT)
    expect(session.state().renewalRetry).toEqual({ retry: 1, of: 3, at: start + RENEW_AT + 5_000 })
    await clock.tick(5_000)
    expect(session.state().renewalRetry).toEqual({ retry: 2, of: 3, at: start + RENEW_AT + 15_000 })
    expect(session.state().phase).toBe('renewing')
    await clock.tick(10_000)
    expect(session.state()).toMatchObject({
      phase: 'signed-in',
      renewalRetry: null,
      lastRenewalProblem: null,
    })
  })
})

describe('TagoraSession says why it ended', () => {
  it('when Tagora refuses the renewToken', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    server.renewFailures.push(apiError('unauthorized', 401))
    await signIn()
    await clock.tick(RENEW_AT)
    expect(session.state()).toMatchObject({
      phase: 'signed-out',
      email: EMAIL,
      signedOut: { code: 'renewal-refused', problem: { code: 'unauthorized', status: 401 } },
      renewalRetry: null,
    })
  })

  it('when the retries run out', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    for (let i = 0; i < 4; i += 1) server.renewFailures.push(apiError('server-error', 500))
    await signIn()
    await clock.tick(RENEW_AT + 5_000 + 10_000 + 15_000)
    expect(session.state()).toMatchObject({
      signedOut: { code: 'renewal-failed', problem: { code: 'server-error', status: 500 } },
    })
  })

  it('when protected calls are refused twice', async () => {
    const { signIn, session } = createSessionKit()
    await signIn()
    await session.authorized(() => Promise.reject(unauthorizedCall())).catch(() => undefined)
    expect(session.state().signedOut).toEqual({
      code: 'rejected-twice',
      problem: unauthorizedCall().toInfo(),
    })
  })

  it('when the saved sign-in is refused, or cannot be checked, at launch', async () => {
    const refused = createSessionKit()
    await refused.store.set(ACCOUNT, 'renew-unknown')
    await refused.session.restore({ apiUrl: API_URL, email: EMAIL })
    expect(refused.session.state()).toMatchObject({
      email: EMAIL,
      signedOut: { code: 'saved-sign-in-refused' },
    })

    const offline = createSessionKit()
    await offline.store.set(ACCOUNT, offline.server.issueRenewToken())
    offline.server.renewFailures.push(apiError('api-unreachable'))
    await offline.session.restore({ apiUrl: API_URL, email: EMAIL })
    expect(offline.session.state()).toMatchObject({
      email: EMAIL,
      signedOut: { code: 'restore-failed', problem: { code: 'api-unreachable' } },
    })
  })

  it('when the user signs out, nothing is reported; a new sign-in clears the last reason', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    await signIn()
    await session.signOut()
    expect(session.state().signedOut).toBeNull()
    server.renewFailures.push(apiError('forbidden', 403))
    await signIn()
    await clock.tick(RENEW_AT)
    expect(session.state().signedOut?.code).toBe('renewal-refused')
    await signIn()
    expect(session.state()).toMatchObject({ phase: 'signed-in', signedOut: null })
  })
})

describe('TagoraSession timers and the server clock', () => {
  it('clamps a far-away renewal to the 2^31−1 ms timer limit, and only re-plans when it fires early', async () => {
    const { signIn, clock, server } = createSessionKit()
    server.lifetimeSeconds = 60 * 24 * 3600
    const start = clock.now()
    await signIn()
    expect(clock.nextTimerAt()).toBe(start + MAX_TIMER_MS)
    await clock.tick(MAX_TIMER_MS)
    expect(server.renewCalls).toHaveLength(0)
    expect(clock.nextTimerAt()).toBe(start + 2 * MAX_TIMER_MS)
  })

  it('re-plans the renewal when a later Date header shows the server clock moved', async () => {
    const { signIn, clock, server, session } = createSessionKit()
    const start = clock.now()
    await signIn()
    expect(clock.nextTimerAt()).toBe(start + RENEW_AT)
    // The desktop clock is corrected 10 minutes forward (or was wrong): server time now reads 10 min behind ours.
    server.offsetMs = -10 * 60_000
    await session.authorized(() => Promise.resolve({ data: 'ok', serverDate: server.serverNow() }))
    expect(clock.nextTimerAt()).toBe(start + RENEW_AT + 10 * 60_000)
    await clock.tick(RENEW_AT)
    expect(server.renewCalls).toHaveLength(0)
  })
})
