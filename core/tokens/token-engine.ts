import type { ConnectionPhase } from '../../shared/domain/connections'
import { adoptGrant, refreshEnded, retryDelay, savedRefreshGrant, TIME_JUMP_MS } from './renewal-plan'
import { decodeJwtClaims } from '../tagora/jwt'
import { isDefinitive, noToken, isUnauthorized, refusedBefore, refusedStatic } from './connection-error'
import type { HttpResult, RequestSpec } from './http'
import { assertSecureServer, sendRequest } from './http'
import { RefusedTokens } from './refused-tokens'
import { RenewalTimers } from './renewal-timers'
import { EngineReport } from './engine-report'
import type { BaseConnectionConfig, Grant, SchemeRuntime, TokenScheme } from './scheme'
import { createSchemeRuntime } from './scheme-runtime'
import { ServerClock } from './server-clock'
import type { EngineEndKind, EngineStatus, TokenEngineDeps } from './token-engine-types'

/** While a renewal runs, calls keep the current token unless it has less than this left. */
const EXPIRY_MARGIN_MS = 5_000
/** A Date-header offset that moves more than this re-arms the renewal timer. */
const OFFSET_REPLAN_MS = 5_000

/**
 * One token's lifecycle, for any scheme (the app's own Tagora session included): obtain or resume,
 * present, renew ahead of expiry on the server's clock (renewal-plan.ts: 2 min lead or half-life),
 * retries 5/10/15 s with jitter, single-flight renewal, rotation, refused tokens never resent, re-obtain
 * when a refresh is refused and the password is stored, and a clear reason when it gives up.
 */
export class TokenEngine<C extends BaseConnectionConfig> {
  private grant: Grant | null = null
  /** Server-clock ms at which renewal starts; fixed when the grant is adopted. */
  private renewAt: number | null = null
  private readonly serverClock: ServerClock
  private readonly refused: RefusedTokens
  /** Bumped whenever the token is replaced or dropped, so late async results are ignored. */
  private generation = 0
  private renewal: Promise<void> | null = null
  private obtaining: Promise<void> | null = null
  private readonly timers: RenewalTimers
  private readonly report = new EngineReport()
  private obtainedLifetime: number | null = null
  private readonly unsubscribeResume: () => void
  private readonly random: () => number

  constructor(
    readonly scheme: TokenScheme<C>,
    private config: C,
    private readonly deps: TokenEngineDeps,
  ) {
    this.random = deps.random ?? Math.random
    this.serverClock = new ServerClock(() => deps.clock.now())
    this.timers = new RenewalTimers(deps.clock)
    this.refused = deps.refusedTokens ?? new RefusedTokens()
    this.unsubscribeResume =
      deps.powerEvents?.onResume(() => this.checkWallTime('resume')) ?? (() => undefined)
  }

  /**
   * Obtains a fresh token now (sign in / "Test connection"). `secret`, when given, is used for this sign-in
   * only and not kept. Throws the scheme's error on failure.
   */
  connect(secret?: string): Promise<void> {
    return this.startFrom(() => this.scheme.obtain(this.runtime(secret)))
  }

  /** Starts from a saved refresh token ("keep me signed in"): one renewal, no retries. Throws on failure. */
  resume(refreshToken: string): Promise<void> {
    const saved = savedRefreshGrant(refreshToken)
    return this.startFrom(async () => {
      const grant = await this.renewWith(this.runtime(), saved)
      return { ...grant, refreshToken: grant.refreshToken ?? refreshToken }
    }, refreshToken)
  }

  /**
   * Runs a protected call with the presenting headers (and the raw token, for typed clients). A 401 waits
   * for the one renewal in flight (or starts it) and retries once; a second 401 ends the token.
   */
  async authorized<T>(run: (headers: Record<string, string>, accessToken: string) => Promise<T>): Promise<T> {
    await this.ensureToken()
    const first = this.presenting()
    try {
      return await run(first.headers, first.token)
    } catch (error) {
      if (!isUnauthorized(error) || first.generation !== this.generation) throw error
      if (this.scheme.renewal === 'none') {
        const refused = refusedStatic(error)
        this.fail(refused)
        throw refused
      }
      if (this.grant?.accessToken === first.token) await this.renewSingleFlight('401')
    }
    const second = this.presenting()
    try {
      return await run(second.headers, second.token)
    } catch (error) {
      if (isUnauthorized(error) && second.generation === this.generation)
        await this.end('rejected-twice', error)
      throw error
    }
  }

  /** A protected request to this connection's server. */
  request(spec: RequestSpec): Promise<HttpResult> {
    return this.authorized((headers) => this.send(spec, headers))
  }

  /** A Date header seen on any response: keeps the server-clock offset fresh, re-arming when it moved. */
  observeServerDate(serverDate: number | null): void {
    const moved = this.serverClock.observe(serverDate)
    if (moved > OFFSET_REPLAN_MS && this.grant && !this.renewal) this.armTimer()
  }

  status(): EngineStatus {
    const local = (ms?: number | null) => (typeof ms === 'number' ? this.serverClock.toLocal(ms) : null)
    return {
      ...this.report.snapshot(),
      expiresAt: local(this.grant?.expiresAt),
      refreshExpiresAt: local(this.grant?.refreshExpiresAt),
      nextRenewalAt: local(this.renewAt),
      lifetimeSource: this.grant?.lifetimeSource ?? 'none',
      renewal: this.scheme.renewal,
    }
  }

  /** Seconds the current token had left when it was obtained or last renewed; null when unknown. */
  lifetimeSeconds(): number | null {
    return this.obtainedLifetime
  }

  /** The access token's JWT claims (ids for the UI); null when it is not a JWT or there is none. */
  tokenClaims(): Record<string, unknown> | null {
    return this.grant ? decodeJwtClaims(this.grant.accessToken) : null
  }

  /** The refresh token, for the keychain copy only: main-process memory, never IPC or logs. */
  currentRefreshToken(): string | null {
    return this.grant?.refreshToken ?? null
  }

  /** The runtime schemes see (also used by vendor actions such as the 8x8 room). */
  runtime(oneShotSecret?: string): SchemeRuntime<C> {
    return createSchemeRuntime({
      scheme: this.scheme,
      config: this.config,
      secret: async () => oneShotSecret ?? (await this.deps.secret()),
      send: (spec, headers) => this.send(spec, headers),
      serverClock: this.serverClock,
      observeServerDate: (serverDate) => this.observeServerDate(serverDate),
      parent: this.deps.parent,
    })
  }

  /** Forgets the token and stops timers; the secret stays in the keychain. */
  signOut(): void {
    this.reset()
    this.report.clearProblem()
    this.setPhase('signed-out')
  }

  /** A config edit: drop the token, it may belong to another account or server. */
  reconfigure(config: C): void {
    this.config = config
    this.reset()
    this.setPhase('idle')
  }

  onChange(listener: () => void): () => void {
    return this.report.onChange(listener)
  }

  dispose(): void {
    this.unsubscribeResume()
    this.reset()
  }

  // --- obtaining and presenting ------------------------------------------------------------------------

  /** A new token replaces whatever was there; `resumedFrom` lets the keychain copy follow a rotation. */
  private async startFrom(getGrant: () => Promise<Grant>, resumedFrom?: string): Promise<void> {
    const generation = this.reset()
    this.setPhase('connecting')
    try {
      // Tagora signs in through its typed client, not `send`: the secure-address rule applies here too.
      assertSecureServer(this.config.baseUrl, 'sign-in')
      const grant = await getGrant()
      this.assertCurrent(generation)
      this.adopt(grant, false)
      if (resumedFrom === undefined) return
      await this.deps.onRenewed?.(this.grant?.refreshToken ?? null, resumedFrom)
      this.assertCurrent(generation)
    } catch (error) {
      if (generation === this.generation) this.fail(error)
      throw error
    }
  }

  private async ensureToken(): Promise<void> {
    if (!this.grant) {
      if (this.deps.obtainOnDemand === false) throw this.signedOutError()
      if (!this.obtaining) {
        const flight = this.connect().finally(() => {
          if (this.obtaining === flight) this.obtaining = null
        })
        this.obtaining = flight
      }
      return this.obtaining
    }
    const serverNow = this.serverClock.now()
    if (this.renewal) {
      // Calls keep the still-valid token while retries run; only one about to lapse waits.
      const expiresAt = this.grant.expiresAt
      if (expiresAt !== null && serverNow >= expiresAt - EXPIRY_MARGIN_MS) await this.renewal
      return
    }
    if (this.renewAt !== null && serverNow >= this.renewAt) await this.renewSingleFlight('stale')
  }

  private presenting(): { token: string; headers: Record<string, string>; generation: number } {
    if (!this.grant) throw this.signedOutError()
    return {
      token: this.grant.accessToken,
      headers: this.scheme.present(this.grant, this.config),
      generation: this.generation,
    }
  }

  private async send(spec: RequestSpec, headers: Record<string, string>): Promise<HttpResult> {
    const extra = this.scheme.extraHeaders?.(this.config) ?? {}
    const result = await sendRequest(this.deps.fetch ?? fetch, this.config.baseUrl, spec, {
      ...extra,
      ...headers,
    })
    this.observeServerDate(result.serverDate)
    return result
  }

  /** Takes a grant; one without a refresh token keeps the current one (renewal-plan.ts). */
  private adopt(grant: Grant, renewed: boolean): void {
    const adopted = adoptGrant(grant, this.grant, this.serverClock.now(), this.scheme.renewal)
    this.grant = adopted.grant
    this.obtainedLifetime = adopted.lifetimeSeconds
    this.renewAt = adopted.renewAt
    this.report.healthy(renewed ? this.deps.clock.now() : null)
    this.armTimer()
    this.setPhase('connected')
  }

  // --- renewal ------------------------------------------------------------------------------------------

  /** Sets the timer for the planned renewal, on our clock; the plan itself is fixed at adoption. */
  private armTimer(): void {
    if (this.renewAt === null) return this.timers.disarmRenewal()
    const generation = this.generation
    this.timers.armRenewal(this.serverClock.toLocal(this.renewAt), (lateBy) => {
      if (generation !== this.generation) return
      const slept = lateBy > TIME_JUMP_MS
      if (slept) this.deps.logger.info('renewal timer fired late: treating as a resume', { lateBy })
      this.checkWallTime(slept ? 'resume' : 'timer')
    })
  }

  /** Timer and resume land here: trust the wall clock (timers cap at ~24.8 days; 30-day tokens re-arm). */
  private checkWallTime(trigger: 'timer' | 'resume'): void {
    if (!this.grant || this.renewAt === null || this.renewal) return
    if (this.serverClock.now() < this.renewAt) return this.armTimer()
    this.renewSingleFlight(trigger).catch((error: unknown) =>
      this.deps.logger.warn('token renewal gave up', { connection: this.config.id, trigger, error }),
    )
  }

  private renewSingleFlight(trigger: string): Promise<void> {
    if (!this.renewal) {
      const flight = this.runRenewal(trigger).finally(() => {
        if (this.renewal === flight) this.renewal = null
      })
      this.renewal = flight
    }
    return this.renewal
  }

  /** One attempt, then up to three retries; gives up on a definitive no or when retries run out. */
  private async runRenewal(trigger: string): Promise<void> {
    const generation = this.generation
    this.deps.logger.info('renewing a token', { connection: this.config.id, trigger })
    this.setPhase('renewing')
    for (let retry = 0; ; retry += 1) {
      try {
        return await this.renewOnce(generation)
      } catch (error) {
        this.assertCurrent(generation)
        if (isDefinitive(error)) {
          // Never retried: rotating schemes revoke the whole token family when a refused token returns.
          await this.end('renewal-refused', error)
          throw this.signedOutError()
        }
        const delay = retryDelay(retry, this.random)
        if (delay === null) {
          await this.end('renewal-failed', error)
          throw this.signedOutError()
        }
        this.noteRetry(error, delay, retry)
        await this.timers.pause(delay)
        this.assertCurrent(generation)
      }
    }
  }

  /**
   * Renews, or re-obtains (the scheme's way, or a refresh token past its documented end that would only
   * be refused); a refused refresh falls back to a fresh sign-in when the password is stored.
   */
  private async renewOnce(generation: number): Promise<void> {
    const grant = this.grant
    if (!grant) throw this.signedOutError()
    const runtime = this.runtime()
    let next: Grant
    const reobtain = this.scheme.renewal === 're-obtain' || !this.scheme.renew
    if (reobtain || refreshEnded(grant, this.serverClock.now())) next = await this.scheme.obtain(runtime)
    else {
      try {
        next = await this.renewWith(runtime, grant)
      } catch (error) {
        if (!(await this.canSignInAgain(error))) throw error
        this.assertCurrent(generation)
        this.deps.logger.info('renewal refused; signing in again', { connection: this.config.id })
        next = await this.scheme.obtain(runtime)
      }
    }
    this.assertCurrent(generation)
    this.adopt(next, true)
    await this.deps.onRenewed?.(this.grant?.refreshToken ?? null, grant.refreshToken)
    this.assertCurrent(generation)
  }

  /** The scheme's renew, except that a refused refresh token is never sent twice. */
  private async renewWith(runtime: SchemeRuntime<C>, grant: Grant): Promise<Grant> {
    const token = grant.refreshToken
    if (!this.scheme.renew) throw new Error(`The ${this.scheme.id} scheme has no renewal call.`)
    if (token && this.refused.has(token)) throw refusedBefore()
    try {
      return await this.scheme.renew(runtime, grant)
    } catch (error) {
      if (token && isDefinitive(error)) this.refused.add(token)
      throw error
    }
  }

  private async canSignInAgain(error: unknown): Promise<boolean> {
    if (this.scheme.obtainKind !== 'password-login' || !isDefinitive(error)) return false
    return (await this.deps.secret()) !== null
  }

  private noteRetry(error: unknown, delay: number, retry: number): void {
    this.report.retrying(error, retry, this.deps.clock.now() + delay)
    this.deps.logger.warn('token renewal failed; retrying', {
      connection: this.config.id,
      retry: retry + 1,
      delay,
      error: this.report.lastProblemText(),
    })
  }

  // --- plumbing -----------------------------------------------------------------------------------------

  private async end(kind: EngineEndKind, error: unknown): Promise<void> {
    this.deps.logger.warn('token ended', { connection: this.config.id, kind, error })
    this.reset()
    this.report.ended(kind, error)
    const hook = this.deps.onEnded?.({ kind, error })
    this.setPhase('needs-attention')
    await hook
  }

  private fail(error: unknown): void {
    this.reset()
    this.report.problem(error)
    this.setPhase('needs-attention')
  }

  /** Drops the token and timers and invalidates every async step still running; returns the new generation. */
  private reset(): number {
    this.generation += 1
    this.timers.cancel()
    this.grant = null
    this.renewAt = null
    this.renewal = null
    this.obtainedLifetime = null
    return this.generation
  }

  private assertCurrent(generation: number): void {
    if (generation !== this.generation) throw this.signedOutError()
  }

  private signedOutError(): Error {
    return this.deps.signedOutError?.() ?? noToken(this.config.name, this.report.lastProblem?.error ?? null)
  }

  private setPhase(phase: ConnectionPhase): void {
    this.report.moveTo(phase)
  }
}
