import { afterEach, describe, expect, it } from 'vitest'
import type { SessionState } from '../../shared/domain/session'
import { silentLogger } from '../../core/logging/logger'
import type { SecretStore } from '../../core/ports/secret-store'
import { FakeClock } from '../fakes/fake-clock'
import { FakePowerEvents } from '../support/session-kit'
import { savedSignInAccount } from '../../core/session/saved-sign-in'
import { TagoraSession } from '../../core/session/tagora-session'
import { createTagoraClient } from '../../core/tagora/tagora-client'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { MemorySecretStore } from '../fakes/fake-secret-store'

// The session against the real simulator over HTTP. Session timers run on a fake clock and the
// simulator's clock follows it, so no test waits for wall-clock time to pass: only for HTTP to answer.

const MINUTE = 60_000

interface Sent {
  path: string
  renewToken?: string
  authorization: string | null
}

interface Rig {
  sim: Simulator
  clock: FakeClock
  store: SecretStore
  power: FakePowerEvents
  sent: Sent[]
  /** Moves only the simulator's clock (the server thinks time passed; our timers do not fire). */
  shiftServer(ms: number): void
  newSession(): TagoraSession
  signIn(session: TagoraSession, remember?: boolean): Promise<SessionState>
  renewals(): string[]
  account(): string
}

const open: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of open.splice(0)) await close()
})

async function rig(options: { accessTokenTtlSec?: number } = {}): Promise<Rig> {
  const clock = new FakeClock()
  let shift = 0
  const sim = await startSimulator({
    vehicles: 2,
    devices: 4,
    autoTick: false,
    seed: 7,
    accessTokenTtlSec: options.accessTokenTtlSec ?? 3600,
    now: () => clock.now() + shift,
  })
  const sent: Sent[] = []
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { renewToken?: string }) : {}
    const headers = new Headers(init?.headers)
    sent.push({
      path: url.pathname.replace(/^\/integration\/v1/, ''),
      ...(body.renewToken !== undefined && { renewToken: body.renewToken }),
      authorization: headers.get('authorization'),
    })
    return fetch(input, init)
  }
  const store = new MemorySecretStore()
  const power = new FakePowerEvents()
  const sessions: TagoraSession[] = []
  open.push(async () => {
    sessions.forEach((session) => session.dispose())
    await sim.close()
  })
  const newSession = (): TagoraSession => {
    const session = new TagoraSession({
      clock,
      secretStore: store,
      powerEvents: power,
      logger: silentLogger,
      random: () => 0,
      createClient: (baseUrl) =>
        createTagoraClient({ baseUrl, logger: silentLogger, fetchImpl: recordingFetch }),
    })
    sessions.push(session)
    return session
  }
  const { email, password } = sim.credentials
  return {
    sim,
    clock,
    store,
    power,
    sent,
    shiftServer: (ms) => void (shift += ms),
    newSession,
    signIn: (session, remember = true) =>
      session.signIn({ apiUrl: sim.apiBaseUrl, email, password, remember }),
    renewals: () => sent.filter((s) => s.path === '/auth/renew').map((s) => s.renewToken ?? ''),
    account: () => savedSignInAccount(sim.apiBaseUrl, email),
  }
}

/** Resolves once the session's state satisfies `test` (HTTP is real, so this waits for I/O, not for time). */
function until(session: TagoraSession, test: (state: SessionState) => boolean): Promise<SessionState> {
  if (test(session.state())) return Promise.resolve(session.state())
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`session never reached the expected state; last: ${JSON.stringify(session.state())}`))
    }, 10_000)
    const stop = session.onChange((state) => {
      if (!test(state)) return
      clearTimeout(timer)
      stop()
      resolve(state)
    })
  })
}

/** Advances the fake clock to the session's next timer (the scheduled renewal or the next retry). */
async function fireNextTimer(clock: FakeClock): Promise<void> {
  const due = clock.nextTimerAt()
  if (due === null) throw new Error('no timer is scheduled')
  await clock.tick(due - clock.now())
}

function listDevices(session: TagoraSession) {
  return session.authorized((token, client) => client.listDevices(token, { limit: 100, offset: 0 }))
}

describe('session against the simulator: renewal and rotation', () => {
  it('renews a short-lived token at half-life, rotating the renewToken in memory and keychain each time', async () => {
    const r = await rig({ accessTokenTtlSec: 60 })
    const session = r.newSession()
    await r.signIn(session)
    const saved = [await r.store.get(r.account())]
    for (let round = 0; round < 3; round += 1) {
      const before = session.state().accessExpiresAt ?? 0
      const renewIn = (r.clock.nextTimerAt() ?? 0) - r.clock.now()
      // Half of a 60 s lifetime (the exp claim has whole seconds, so up to a second less).
      expect(renewIn).toBeGreaterThan(28_500)
      expect(renewIn).toBeLessThanOrEqual(30_000)
      await fireNextTimer(r.clock)
      await until(session, (s) => s.phase === 'signed-in' && (s.accessExpiresAt ?? 0) > before)
      saved.push(await r.store.get(r.account()))
    }
    // Each renewal sent the renewToken the previous one returned, and the keychain followed at once.
    expect(r.renewals()).toEqual(saved.slice(0, 3))
    expect(new Set(saved).size).toBe(4)
    const devices = await listDevices(session)
    expect(devices.data.length).toBeGreaterThan(0)
  })

  it('survives renew 5xx twice: retries after 5 and 10 s, then carries on', async () => {
    const r = await rig()
    const session = r.newSession()
    await r.signIn(session)
    r.sim.faults.failNext({ route: 'renew', status: 503, count: 2 })
    const scheduled = r.clock.nextTimerAt() ?? 0
    await fireNextTimer(r.clock)
    await until(session, (s) => s.renewalRetry?.retry === 1)
    expect(session.state()).toMatchObject({ phase: 'renewing', renewalRetry: { at: scheduled + 5_000 } })
    expect(session.state().lastRenewalProblem).toMatchObject({ error: { code: 'server-error', status: 503 } })
    await fireNextTimer(r.clock)
    await until(session, (s) => s.renewalRetry?.retry === 2)
    expect(r.clock.nextTimerAt()).toBe(scheduled + 15_000)
    await fireNextTimer(r.clock)
    await until(session, (s) => s.phase === 'signed-in')
    expect(r.renewals()).toHaveLength(3)
    expect(session.state().lastRenewalProblem).toBeNull()
  })

  it('ends the session after the third retry fails, with the reason, and keeps the saved sign-in', async () => {
    const r = await rig()
    const session = r.newSession()
    await r.signIn(session)
    r.sim.faults.failNext({ route: 'renew', status: 500, count: 4 })
    await fireNextTimer(r.clock)
    for (const retry of [1, 2, 3]) {
      await until(session, (s) => s.renewalRetry?.retry === retry)
      await fireNextTimer(r.clock)
    }
    const state = await until(session, (s) => s.phase === 'signed-out')
    expect(state).toMatchObject({
      signedOut: { code: 'renewal-failed', problem: { status: 500 } },
      email: r.sim.credentials.email,
    })
    expect(r.renewals()).toHaveLength(4)
    expect(r.clock.pendingCount()).toBe(0)
    expect(await r.store.get(r.account())).not.toBeNull()
  })
})

describe('session against the simulator: definitive rejection', () => {
  it.each([
    ['renewals are rejected', (sim: Simulator) => sim.faults.setRejectRenewals(true)],
    ['the token family is revoked', (sim: Simulator) => void sim.fleet.revokeRenewTokens()],
  ])('ends at once when %s, never resending the refused token', async (_label, breakIt) => {
    const r = await rig()
    const session = r.newSession()
    await r.signIn(session)
    const refused = await r.store.get(r.account())
    breakIt(r.sim)
    await fireNextTimer(r.clock)
    const state = await until(session, (s) => s.phase === 'signed-out')
    expect(state).toMatchObject({ signedOut: { code: 'renewal-refused' }, email: r.sim.credentials.email })
    expect(state.signedOut?.problem.requestId).toMatch(/^[\w-]+$/)
    expect(r.renewals()).toEqual([refused])
    expect(await r.store.get(r.account())).toBeNull()
    expect(r.clock.pendingCount()).toBe(0)
    // Even if a stale copy turned up again, the refused token is never sent a second time.
    await r.store.set(r.account(), refused ?? '')
    await session.restore({ apiUrl: r.sim.apiBaseUrl, email: r.sim.credentials.email })
    expect(r.renewals()).toEqual([refused])
  })
})

describe('session against the simulator: clocks', () => {
  it.each([
    ['ahead', 10 * MINUTE],
    ['behind', -10 * MINUTE],
  ])('judges exp by the Date header when the server clock is 10 minutes %s', async (_label, skew) => {
    const r = await rig()
    r.sim.faults.setClockSkew(skew)
    const session = r.newSession()
    const start = r.clock.now()
    await r.signIn(session)
    // The Date header and exp have whole seconds: allow one.
    const renewAt = (r.clock.nextTimerAt() ?? 0) - start
    expect(Math.abs(renewAt - 3_480_000)).toBeLessThanOrEqual(1_000)
    expect(Math.abs((session.state().accessExpiresAt ?? 0) - (start + 3_600_000))).toBeLessThanOrEqual(1_000)
    await fireNextTimer(r.clock)
    await until(session, (s) => s.phase === 'signed-in' && r.renewals().length === 1)
  })

  it('renews before a request when the wall clock says the schedule went stale (no timer fired)', async () => {
    const r = await rig()
    const session = r.newSession()
    await r.signIn(session)
    r.clock.jump(2 * 60 * MINUTE)
    await listDevices(session)
    expect(r.sent.map((s) => s.path)).toEqual(['/auth/login', '/auth/renew', '/devices'])
  })

  it('renews on resume after a sleep, before anything else is sent', async () => {
    const r = await rig()
    const session = r.newSession()
    await r.signIn(session)
    r.clock.jump(3 * 60 * MINUTE)
    r.power.resume()
    const devices = listDevices(session)
    await devices
    expect(r.sent.map((s) => s.path)).toEqual(['/auth/login', '/auth/renew', '/devices'])
  })
})

describe('session against the simulator: single flight', () => {
  it('slow responses: five calls refused with 401 share one renewal, then each retries once', async () => {
    const r = await rig()
    const session = r.newSession()
    await r.signIn(session)
    r.sim.faults.setLatency(150)
    // The server thinks two hours passed (its tokens expired); our clock and timers did not move.
    r.shiftServer(2 * 60 * MINUTE)
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => listDevices(session)))
    expect(results.every((result) => result.data.length > 0)).toBe(true)
    expect(r.renewals()).toHaveLength(1)
    const deviceCalls = r.sent.filter((s) => s.path === '/devices')
    expect(deviceCalls).toHaveLength(10)
    // The retries all used the one renewed token.
    expect(new Set(deviceCalls.slice(5).map((s) => s.authorization)).size).toBe(1)
    expect(session.state().phase).toBe('signed-in')
  })
})

describe('session against the simulator: keep me signed in', () => {
  it('relaunch signs in silently with the saved token; sign-out deletes the entry', async () => {
    const r = await rig()
    const first = r.newSession()
    await r.signIn(first, true)
    const saved = await r.store.get(r.account())
    first.dispose()

    const second = r.newSession()
    const state = await second.restore({ apiUrl: r.sim.apiBaseUrl, email: r.sim.credentials.email })
    expect(state).toMatchObject({ phase: 'signed-in', email: r.sim.credentials.email })
    expect(r.renewals()).toEqual([saved])
    const rotated = await r.store.get(r.account())
    expect(rotated).not.toBe(saved)
    await listDevices(second)

    await second.signOut()
    expect(await r.store.get(r.account())).toBeNull()
  })

  it('without the option nothing is saved, so the next launch opens the login screen with the email', async () => {
    const r = await rig()
    await r.signIn(r.newSession(), false)
    expect(await r.store.get(r.account())).toBeNull()
    const state = await r.newSession().restore({ apiUrl: r.sim.apiBaseUrl, email: r.sim.credentials.email })
    expect(state).toMatchObject({ phase: 'signed-out', email: r.sim.credentials.email, signedOut: null })
    expect(r.renewals()).toHaveLength(0)
  })
})
