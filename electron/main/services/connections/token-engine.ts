import type { ConnectionPhase, LifetimeSource, RenewalMode } from '../../../../shared/domain/connections'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import { clampDelay } from '../ports/clock'
import type { PowerEvents } from '../ports/power-events'
import { planRenewal, retryDelay, TIME_JUMP_MS } from '../session/renewal-plan'
import { ConnectionError, isConnectionError, isDefinitive, isUnauthorized } from './connection-error'
import type { HttpResult, RequestSpec } from './http'
import { sendRequest } from './http'
import type { BaseConnectionConfig, Grant, SchemeRuntime, TokenScheme } from './scheme'
import { fillPath } from './scheme-paths'

export interface TokenEngineDeps {
  clock: Clock
  logger: Logger
  fetch: typeof fetch
  /** The user's secret for this connection (keychain); null when none is stored. */
  secret(): Promise<string | null>
  powerEvents?: PowerEvents
  /** Jitter for retry delays; injectable so tests are exact. */
  random?: () => number
  /** For derived schemes: the parent connection's engine. */
  parent?: TokenEngine<BaseConnectionConfig>
}

export interface EngineStatus {
  phase: ConnectionPhase
  expiresAt: number | null
  nextRenewalAt: number | null
  lifetimeSource: LifetimeSource
  renewal: RenewalMode
  lastRenewedAt: number | null
  lastError: string | null
  lastErrorCode: string | null
}

/**
 * One connection's token lifecycle, for any scheme: obtain, present, renew ahead of expiry on the
 * server's clock (renewal-plan.ts: 2 min lead or half-life), retries 5/10/15 s with jitter, single-flight
 * renewal, rotation, re-obtain when a renewal is refused, and a clear reason when it gives up.
 */
export class TokenEngine<C extends BaseConnectionConfig> {
  private grant: Grant | null = null
  private renewAt: number | null = null
  private offset = 0
  private phase: ConnectionPhase = 'idle'
  private generation = 0
  private renewal: Promise<void> | null = null
  private obtaining: Promise<void> | null = null
  private cancelTimer: (() => void) | null = null
  private lastRenewedAt: number | null = null
  private lastError: string | null = null
  private lastErrorCode: string | null = null
  private obtainedLifetime: number | null = null
  private readonly listeners = new Set<() => void>()
  private readonly unsubscribeResume: () => void
  private readonly random: () => number

  constructor(
    readonly scheme: TokenScheme<C>,
    private config: C,
    private readonly deps: TokenEngineDeps,
  ) {
    this.random = deps.random ?? Math.random
    this.unsubscribeResume = deps.powerEvents?.onResume(() => this.checkWallTime()) ?? (() => undefined)
  }

  /** Obtains a fresh token now (sign in / "Test connection"). Throws the ConnectionError on failure. */
  async connect(): Promise<void> {
    const generation = this.reset()
    this.setPhase('connecting')
    try {
      await this.obtainInto(generation)
    } catch (error) {
      if (generation === this.generation) this.fail(error)
      throw error
    }
  }

  /** Runs a protected call with the presenting headers; a 401 renews once (single flight) and retries once. */
  async authorized<T>(run: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    await this.ensureToken()
    const first = this.presenting()
    try {
      return await run(first.headers)
    } catch (error) {
      if (!isUnauthorized(error) || first.generation !== this.generation) throw error
      if (this.scheme.renewal === 'none') {
        this.fail(refusedStatic(error))
        throw refusedStatic(error)
      }
      if (this.grant?.accessToken === first.token) await this.renewSingleFlight('401')
    }
    const second = this.presenting()
    try {
      return await run(second.headers)
    } catch (error) {
      if (isUnauthorized(error) && second.generation === this.generation) {
        this.end('The server refused the token twice in a row', error)
      }
      throw error
    }
  }

  /** A protected request to this connection's server. */
  request(spec: RequestSpec): Promise<HttpResult> {
    return this.authorized((headers) => this.send(spec, headers))
  }

  status(): EngineStatus {
    return {
      phase: this.phase,
      expiresAt: this.grant?.expiresAt != null ? this.grant.expiresAt - this.offset : null,
      nextRenewalAt: this.renewAt !== null ? this.renewAt - this.offset : null,
      lifetimeSource: this.grant?.lifetimeSource ?? 'none',
      renewal: this.scheme.renewal,
      lastRenewedAt: this.lastRenewedAt,
      lastError: this.lastError,
      lastErrorCode: this.lastErrorCode,
    }
  }

  /** Seconds the current token had left when it was obtained or last renewed; null when unknown. */
  lifetimeSeconds(): number | null {
    return this.obtainedLifetime
  }

  /** The runtime schemes see (also used by vendor actions such as the 8x8 room). */
  runtime(): SchemeRuntime<C> {
    const parent = this.deps.parent
    return {
      config: this.config,
      path: (key) => fillPath(this.config.overrides.paths[key] ?? this.scheme.paths[key] ?? '', this.config),
      field: (key) => this.config.overrides.fields[key] ?? this.scheme.fields[key] ?? key,
      secret: async () => {
        const secret = await this.deps.secret()
        if (!secret)
          throw new ConnectionError({
            code: 'missing-secret',
            call: 'keychain',
            message: `No secret is stored for "${this.config.name}". Edit the connection and enter it again.`,
          })
        return secret
      },
      send: (spec, headers) => this.send(spec, headers ?? {}),
      serverNow: () => this.deps.clock.now() + this.offset,
      ...(parent
        ? { withParent: <T>(run: (h: Record<string, string>) => Promise<T>) => parent.authorized(run) }
        : {}),
    }
  }

  /** Forgets the token and stops timers; the secret stays in the keychain. */
  signOut(): void {
    this.reset()
    this.lastError = null
    this.lastErrorCode = null
    this.setPhase('signed-out')
  }

  /** A config edit: drop the token, it may belong to another account or server. */
  reconfigure(config: C): void {
    this.config = config
    this.reset()
    this.setPhase('idle')
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  dispose(): void {
    this.unsubscribeResume()
    this.reset()
  }

  // --- obtaining and presenting ------------------------------------------------------------------------

  private async obtainInto(generation: number): Promise<void> {
    const grant = await this.scheme.obtain(this.runtime())
    this.assertCurrent(generation)
    this.adopt(grant)
  }

  private async ensureToken(): Promise<void> {
    if (!this.grant) {
      if (!this.obtaining) {
        const flight = this.connect().finally(() => {
          if (this.obtaining === flight) this.obtaining = null
        })
        this.obtaining = flight
      }
      return this.obtaining
    }
    if (this.renewAt !== null && this.serverNow() >= this.renewAt) await this.renewSingleFlight('stale')
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
    const result = await sendRequest(this.deps.fetch, this.config.baseUrl, spec, { ...extra, ...headers })
    if (result.serverDate !== null) this.offset = result.serverDate - this.deps.clock.now()
    return result
  }

  private adopt(grant: Grant): void {
    const keepRefresh = this.scheme.rotates && !grant.refreshToken ? (this.grant?.refreshToken ?? null) : null
    this.grant = keepRefresh ? { ...grant, refreshToken: keepRefresh } : grant
    const now = this.serverNow()
    this.obtainedLifetime = grant.expiresAt === null ? null : Math.round((grant.expiresAt - now) / 1000)
    this.lastError = null
    this.lastErrorCode = null
    this.schedule()
    this.setPhase('connected')
  }

  // --- renewal ------------------------------------------------------------------------------------------

  private schedule(): void {
    this.cancelTimer?.()
    this.cancelTimer = null
    this.renewAt = null
    const expiresAt = this.grant?.expiresAt ?? null
    if (expiresAt === null || this.scheme.renewal === 'none') return
    const serverNow = this.serverNow()
    this.renewAt = planRenewal({ expClaimMs: expiresAt, expiresInSeconds: 0, serverNow }).renewAt
    const fireAt = this.renewAt - this.offset
    const generation = this.generation
    this.cancelTimer = this.deps.clock.setTimer(
      () => {
        this.cancelTimer = null
        if (generation !== this.generation) return
        const lateBy = this.deps.clock.now() - fireAt
        if (lateBy > TIME_JUMP_MS) this.deps.logger.info('connection renewal timer fired late', { lateBy })
        this.checkWallTime()
      },
      clampDelay(fireAt - this.deps.clock.now()),
    )
  }

  /** Timer and resume land here: trust the wall clock (timers cap at ~24.8 days; 30-day tokens re-plan). */
  private checkWallTime(): void {
    if (!this.grant || this.renewAt === null || this.renewal) return
    if (this.serverNow() < this.renewAt) return this.schedule()
    this.renewSingleFlight('timer').catch((error: unknown) =>
      this.deps.logger.warn('connection renewal gave up', { connection: this.config.id, error }),
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

  private async runRenewal(trigger: string): Promise<void> {
    const generation = this.generation
    this.deps.logger.info('renewing a connection token', { connection: this.config.id, trigger })
    this.setPhase('renewing')
    for (let retry = 0; ; retry += 1) {
      try {
        return await this.renewOnce(generation)
      } catch (error) {
        this.assertCurrent(generation)
        if (isDefinitive(error)) {
          this.end('The server refused to renew the token', error)
          throw error
        }
        const delay = retryDelay(retry, this.random)
        if (delay === null) {
          this.end('The token could not be renewed after three retries', error)
          throw error
        }
        this.lastError = describe(error)
        this.lastErrorCode = isConnectionError(error) ? error.code : 'internal'
        this.emit()
        await new Promise<void>((resolve) => this.deps.clock.setTimer(resolve, delay))
        this.assertCurrent(generation)
      }
    }
  }

  /** Renews (or re-obtains); a refused refresh falls back to a fresh sign-in when the scheme has one. */
  private async renewOnce(generation: number): Promise<void> {
    const grant = this.grant
    if (!grant) throw this.signedOutError()
    const runtime = this.runtime()
    let next: Grant
    if (this.scheme.renewal === 're-obtain' || !this.scheme.renew) next = await this.scheme.obtain(runtime)
    else {
      try {
        next = await this.scheme.renew(runtime, grant)
      } catch (error) {
        const canSignInAgain = this.scheme.obtainKind === 'password-login' && isDefinitive(error)
        if (!canSignInAgain) throw error
        this.assertCurrent(generation)
        this.deps.logger.info('renewal refused; signing in again', { connection: this.config.id })
        next = await this.scheme.obtain(runtime)
      }
    }
    this.assertCurrent(generation)
    this.adopt(next)
    this.lastRenewedAt = this.deps.clock.now()
    this.emit()
  }

  // --- plumbing -----------------------------------------------------------------------------------------

  private end(reason: string, error: unknown): void {
    this.deps.logger.warn('connection token ended', { connection: this.config.id, reason, error })
    this.reset()
    this.lastError = `${reason}: ${describe(error)}`
    this.lastErrorCode = isConnectionError(error) ? error.code : 'internal'
    this.setPhase('needs-attention')
  }

  private fail(error: unknown): void {
    this.reset()
    this.lastError = describe(error)
    this.lastErrorCode = isConnectionError(error) ? error.code : 'internal'
    this.setPhase('needs-attention')
  }

  private reset(): number {
    this.generation += 1
    this.cancelTimer?.()
    this.cancelTimer = null
    this.grant = null
    this.renewAt = null
    this.renewal = null
    this.obtainedLifetime = null
    return this.generation
  }

  private serverNow(): number {
    return this.deps.clock.now() + this.offset
  }

  private assertCurrent(generation: number): void {
    if (generation !== this.generation) throw this.signedOutError()
  }

  private signedOutError(): ConnectionError {
    return new ConnectionError({
      code: 'signed-out',
      call: 'connection',
      message: this.lastError ?? `"${this.config.name}" has no token. Test the connection to sign in again.`,
    })
  }

  private setPhase(phase: ConnectionPhase): void {
    this.phase = phase
    this.emit()
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}

function refusedStatic(error: unknown): ConnectionError {
  return new ConnectionError({
    code: 'invalid-credentials',
    call: isConnectionError(error) ? error.call : 'request',
    status: 401,
    message: `The server refused this key or token (${describe(error)}). Check it and enter it again.`,
  })
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
