import type { RenewalRetry, SessionPhase, SessionState } from '../../../../shared/domain/session'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import { clampDelay } from '../ports/clock'
import type { PowerEvents } from '../ports/power-events'
import type { SecretStore } from '../ports/secret-store'
import { TagoraApiError } from '../tagora/tagora-api-error'
import type { TagoraClient } from '../tagora/tagora-client'
import { DEFAULT_TAGORA_API_URL } from '../tagora/tagora-client'
import {
  isDefinitiveRejection,
  isUnauthorized,
  RETRY_DELAYS_MS,
  retryDelay,
  TIME_JUMP_MS,
} from './renewal-plan'
import { SavedSignIn, savedSignInAccount } from './saved-sign-in'
import type { KeychainStatus } from './saved-sign-in'
import { signedOut, signedOutBecause } from './signed-out'
import type { SignedOut } from './signed-out'
import type { SessionClaims } from './token-vault'
import { TokenVault } from './token-vault'

/** What the session needs from a client: the whole Tagora client (protected calls receive it). */
export type TagoraClientLike = TagoraClient

export interface TagoraSessionDeps {
  clock: Clock
  secretStore: SecretStore
  powerEvents: PowerEvents
  logger: Logger
  createClient(apiUrl: string): TagoraClientLike
  /** Jitter source for retry delays; injectable so tests are exact. */
  random?: () => number
  /** apiUrl shown before the first sign-in. */
  defaultApiUrl?: string
}

export interface SignInInput {
  apiUrl: string
  email: string
  password: string
  remember: boolean
  demo?: boolean
}

/** A protected call about to be sent waits for renewal if the token has less than this left. */
const EXPIRY_MARGIN_MS = 5_000
/** A Date-header offset that moves more than this re-plans the renewal timer. */
const OFFSET_REPLAN_MS = 5_000

/**
 * The Tagora session of the main process: tokens in memory only, renewal ahead of exp on the server's
 * clock, retries 5/10/15 s, single-flight renewal, and a clear reason whenever the session ends.
 */
export class TagoraSession {
  private readonly vault = new TokenVault()
  private readonly saved: SavedSignIn
  private readonly listeners = new Set<(state: SessionState) => void>()
  private readonly random: () => number
  private readonly unsubscribeResume: () => void
  /** Bumped whenever the session is replaced or ends, so late async results are dropped. */
  private generation = 0
  private client: TagoraClientLike | null = null
  private phase: SessionPhase = 'signed-out'
  private email: string | null = null
  private apiUrl: string
  private demo = false
  private remember = false
  private signedInSince: number | null = null
  private lastRenewedAt: number | null = null
  private lastRenewalError: string | null = null
  private renewalRetry: RenewalRetry | null = null
  private ended: SignedOut | null = null
  private keychain: KeychainStatus = { available: true, reason: null }
  private renewal: Promise<void> | null = null
  private cancelRenewTimer: (() => void) | null = null
  private cancelRetryWait: (() => void) | null = null

  constructor(private readonly deps: TagoraSessionDeps) {
    this.saved = new SavedSignIn(deps.secretStore, deps.logger)
    this.random = deps.random ?? Math.random
    this.apiUrl = deps.defaultApiUrl ?? DEFAULT_TAGORA_API_URL
    this.unsubscribeResume = deps.powerEvents.onResume(() => this.checkWallTime('resume'))
  }

  /** Signs in with a password. Throws the TagoraApiError on failure (state: signed-out, email kept). */
  async signIn(input: SignInInput): Promise<SessionState> {
    const generation = this.reset()
    this.begin(input.apiUrl, input.email, input.demo ?? false)
    try {
      const client = this.deps.createClient(input.apiUrl)
      const response = await client.login({ email: input.email, password: input.password })
      if (generation !== this.generation) return this.state()
      this.client = client
      this.vault.adopt(response.data, response.serverDate, this.deps.clock.now())
    } catch (error) {
      if (generation === this.generation) this.toSignedOut(null)
      throw error
    }
    await this.keepRenewToken(input.remember, generation)
    if (generation === this.generation) this.markSignedIn()
    return this.state()
  }

  /** Silent sign-in at launch from the keychain. Never throws: failures land in signedOutReason. */
  async restore(input: { apiUrl: string; email: string }): Promise<SessionState> {
    const generation = this.reset()
    this.apiUrl = input.apiUrl
    this.email = input.email
    this.demo = false
    this.ended = null
    const account = savedSignInAccount(input.apiUrl, input.email)
    const stored = (await this.refreshKeychain()) ? await this.saved.load(account) : null
    if (generation !== this.generation) return this.state()
    if (!stored) return this.emitState()
    if (this.vault.isRefused(stored)) {
      await this.saved.forget(account)
      return this.emitState()
    }
    this.phase = 'signing-in'
    this.emit()
    try {
      const client = this.deps.createClient(input.apiUrl)
      const response = await client.renew(stored)
      if (generation !== this.generation) return this.state()
      this.client = client
      this.vault.setRenewToken(stored)
      this.vault.adopt(response.data, response.serverDate, this.deps.clock.now())
      this.remember = true
      if (this.vault.renewToken !== stored) await this.saveRenewToken(generation)
      if (generation === this.generation) this.markSignedIn()
    } catch (error) {
      if (generation !== this.generation) return this.state()
      await this.handleRestoreFailure(error, stored, account)
    }
    return this.state()
  }

  /**
   * Ends the session and forgets the saved sign-in. `reason`, when given, completes the login screen's
   * "You were signed out because …" (signedOutCode 'other'); the user's own sign-out gives none.
   */
  async signOut(reason?: string): Promise<SessionState> {
    const account = this.email ? savedSignInAccount(this.apiUrl, this.email) : null
    this.reset()
    this.toSignedOut(reason ? signedOutBecause(reason) : null)
    if (account) await this.saved.forget(account)
    return this.state()
  }

  /**
   * Runs a protected call with a fresh access token. A 401 waits for (or starts) the one renewal in
   * flight and retries once; a second 401 ends the session.
   */
  async authorized<T>(run: (accessToken: string, client: TagoraClientLike) => Promise<T>): Promise<T> {
    await this.ensureFresh()
    const first = this.currentAccess()
    try {
      return this.observe(await run(first.token, first.client))
    } catch (error) {
      if (!isUnauthorized(error) || first.generation !== this.generation) throw error
      if (this.vault.accessToken === first.token) await this.renewSingleFlight('401')
    }
    const second = this.currentAccess()
    try {
      return this.observe(await run(second.token, second.client))
    } catch (error) {
      if (isUnauthorized(error) && second.generation === this.generation)
        await this.endSession(signedOut('rejected-twice', error), true)
      throw error
    }
  }

  state(): SessionState {
    const timing = this.vault.timing
    const orgId = this.vault.claims().organizationId
    return {
      phase: this.phase,
      email: this.email,
      organizationId: orgId === null ? null : String(orgId),
      apiUrl: this.apiUrl,
      demo: this.demo,
      signedInSince: this.signedInSince,
      lastRenewedAt: this.lastRenewedAt,
      accessExpiresAt: timing ? this.vault.toLocal(timing.expiresAt) : null,
      lastRenewalError: this.lastRenewalError,
      renewalRetry: this.renewalRetry,
      signedOutReason: this.ended?.reason ?? null,
      signedOutCode: this.ended?.code ?? null,
      signedOutDetail: this.ended?.detail ?? null,
      rememberAvailable: this.keychain.available,
      rememberUnavailableReason: this.keychain.reason,
    }
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Ids from the token's claims, with their original types; the token itself never leaves. */
  claims(): SessionClaims {
    return this.vault.claims()
  }

  /** Re-reads whether a keychain is available (call at start-up so the login form can offer it). */
  async checkKeychain(): Promise<SessionState> {
    await this.refreshKeychain()
    return this.emitState()
  }

  /** Stops timers and the resume subscription (app quit). */
  dispose(): void {
    this.unsubscribeResume()
    this.reset()
  }

  // --- sign-in helpers -------------------------------------------------------------------------------

  private begin(apiUrl: string, email: string, demo: boolean): void {
    this.apiUrl = apiUrl
    this.email = email
    this.demo = demo
    this.ended = null
    this.phase = 'signing-in'
    this.emit()
  }

  /** Keeps the renewToken in the keychain only when asked to and possible; else in memory only. */
  private async keepRenewToken(remember: boolean, generation: number): Promise<void> {
    if (!this.email) return
    const account = savedSignInAccount(this.apiUrl, this.email)
    // Unticking "keep me signed in" also forgets an older saved sign-in for this account.
    if (!remember) return this.saved.forget(account)
    if (!(await this.refreshKeychain()) || generation !== this.generation) return
    this.remember = true
    await this.saveRenewToken(generation)
  }

  /** Writes the current renewToken; if the session ended meanwhile, undoes the write. */
  private async saveRenewToken(generation: number): Promise<void> {
    const token = this.vault.renewToken
    if (!this.email || !token) return
    const account = savedSignInAccount(this.apiUrl, this.email)
    const failure = await this.saved.save(account, token)
    if (generation !== this.generation) return this.saved.forget(account)
    if (failure) {
      this.remember = false
      this.keychain = { available: false, reason: failure }
    }
  }

  private async refreshKeychain(): Promise<boolean> {
    this.keychain = await this.saved.status()
    return this.keychain.available
  }

  private async handleRestoreFailure(error: unknown, stored: string, account: string): Promise<void> {
    const definitive = isDefinitiveRejection(error)
    if (definitive) {
      this.vault.refuse(stored)
      await this.saved.forget(account)
    }
    this.reset()
    this.toSignedOut(signedOut(definitive ? 'saved-sign-in-refused' : 'restore-failed', error))
  }

  // --- renewal ----------------------------------------------------------------------------------------

  private markSignedIn(): void {
    this.phase = 'signed-in'
    this.signedInSince ??= this.deps.clock.now()
    this.lastRenewalError = null
    this.renewalRetry = null
    this.scheduleRenewal()
    this.emit()
  }

  private scheduleRenewal(): void {
    this.cancelRenewTimer?.()
    const timing = this.vault.timing
    if (!timing) return
    const generation = this.generation
    const fireAt = this.vault.toLocal(timing.renewAt)
    this.cancelRenewTimer = this.deps.clock.setTimer(
      () => {
        this.cancelRenewTimer = null
        if (generation !== this.generation) return
        const lateBy = this.deps.clock.now() - fireAt
        if (lateBy > TIME_JUMP_MS)
          this.deps.logger.info('renewal timer fired late: treating as a resume', { lateBy })
        this.checkWallTime(lateBy > TIME_JUMP_MS ? 'resume' : 'timer')
      },
      clampDelay(fireAt - this.deps.clock.now()),
    )
  }

  /** Timer and resume both land here: trust the wall clock, not the schedule. */
  private checkWallTime(trigger: 'timer' | 'resume'): void {
    const timing = this.vault.timing
    if (!timing || this.phase === 'signed-out' || this.phase === 'signing-in' || this.renewal) return
    if (this.vault.serverNow(this.deps.clock.now()) < timing.renewAt) return this.scheduleRenewal()
    this.renewSingleFlight(trigger).catch((error: unknown) =>
      this.deps.logger.warn('renewal ended the session', { trigger, error }),
    )
  }

  /** Before a protected call: renew first when the schedule is stale (a sleep), or the token is about to lapse. */
  private async ensureFresh(): Promise<void> {
    const timing = this.vault.timing
    if (!timing || this.phase === 'signed-out') return
    const serverNow = this.vault.serverNow(this.deps.clock.now())
    if (this.renewal) {
      if (serverNow >= timing.expiresAt - EXPIRY_MARGIN_MS) await this.renewal
      return
    }
    if (serverNow >= timing.renewAt) await this.renewSingleFlight('stale')
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

  /** One attempt, then up to three retries; ends the session on a definitive no or when retries run out. */
  private async runRenewal(trigger: string): Promise<void> {
    const generation = this.generation
    this.deps.logger.info('renewing the access token', { trigger })
    // The quiet "renewing…" of the header: calls keep using the current token meanwhile.
    this.phase = 'renewing'
    this.emit()
    for (let retry = 0; ; retry += 1) {
      try {
        return await this.renewOnce(generation)
      } catch (error) {
        this.assertCurrent(generation)
        if (isDefinitiveRejection(error)) {
          // Never retried: rotation schemes revoke the whole token family when a refused token returns.
          await this.endSession(signedOut('renewal-refused', error), true)
          throw this.signedOutError()
        }
        const delay = retryDelay(retry, this.random)
        if (delay === null) {
          // Not refused, only unreachable or failing: the saved sign-in may still work next launch.
          await this.endSession(signedOut('renewal-failed', error), false)
          throw this.signedOutError()
        }
        this.noteRetry(error instanceof Error ? error.message : String(error), delay, retry)
        await this.wait(delay)
        this.assertCurrent(generation)
      }
    }
  }

  private async renewOnce(generation: number): Promise<void> {
    const token = this.vault.renewToken
    const client = this.client
    if (!token || !client) throw this.signedOutError()
    if (this.vault.isRefused(token)) throw this.refusedTokenError()
    let response
    try {
      response = await client.renew(token)
    } catch (error) {
      if (isDefinitiveRejection(error)) this.vault.refuse(token)
      throw error
    }
    this.assertCurrent(generation)
    this.vault.adopt(response.data, response.serverDate, this.deps.clock.now())
    this.lastRenewedAt = this.deps.clock.now()
    // Rotation: the old renewToken may already be dead server-side, so the keychain copy is replaced now.
    if (this.remember && this.vault.renewToken !== token) await this.saveRenewToken(generation)
    this.assertCurrent(generation)
    this.markSignedIn()
  }

  private noteRetry(detail: string, delay: number, retry: number): void {
    this.phase = 'renewing'
    this.lastRenewalError = detail
    this.renewalRetry = { retry: retry + 1, of: RETRY_DELAYS_MS.length, at: this.deps.clock.now() + delay }
    this.deps.logger.warn('renewal failed; retrying', { retry: retry + 1, delay, error: detail })
    this.emit()
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancelTimer = this.deps.clock.setTimer(() => {
        this.cancelRetryWait = null
        resolve()
      }, ms)
      this.cancelRetryWait = () => {
        cancelTimer()
        resolve()
      }
    })
  }

  // --- shared plumbing ---------------------------------------------------------------------------------

  private async endSession(ending: SignedOut, forgetSaved: boolean): Promise<void> {
    const account = this.email ? savedSignInAccount(this.apiUrl, this.email) : null
    this.deps.logger.warn('session ended', { code: ending.code, reason: ending.reason })
    this.reset()
    this.toSignedOut(ending)
    if (forgetSaved && account) await this.saved.forget(account)
  }

  /** Drops tokens and timers and invalidates every async step still running; returns the new generation. */
  private reset(): number {
    this.generation += 1
    this.cancelRenewTimer?.()
    this.cancelRenewTimer = null
    const cancelWait = this.cancelRetryWait
    this.cancelRetryWait = null
    cancelWait?.()
    this.vault.clear()
    this.client = null
    this.renewal = null
    this.remember = false
    this.signedInSince = null
    this.lastRenewedAt = null
    this.lastRenewalError = null
    this.renewalRetry = null
    return this.generation
  }

  private toSignedOut(ending: SignedOut | null): void {
    this.phase = 'signed-out'
    this.ended = ending
    this.emit()
  }

  private currentAccess(): { token: string; client: TagoraClientLike; generation: number } {
    const token = this.vault.accessToken
    if (!token || !this.client || this.phase === 'signed-out' || this.phase === 'signing-in') {
      throw this.signedOutError()
    }
    return { token, client: this.client, generation: this.generation }
  }

  /** Protected responses carry the server's Date too: keep the clock offset fresh from them. */
  private observe<T>(result: T): T {
    const serverDate = (result as { serverDate?: unknown } | null)?.serverDate
    if (typeof serverDate === 'number' && this.vault.timing) {
      const moved = this.vault.observeServerDate(serverDate, this.deps.clock.now())
      if (moved > OFFSET_REPLAN_MS && !this.renewal) this.scheduleRenewal()
    }
    return result
  }

  private assertCurrent(generation: number): void {
    if (generation !== this.generation) throw this.signedOutError()
  }

  private signedOutError(): TagoraApiError {
    return new TagoraApiError({
      code: 'unauthorized',
      message: this.ended?.reason ?? 'You are signed out of Tagora. Sign in again.',
      call: 'session',
      url: this.apiUrl,
    })
  }

  private refusedTokenError(): TagoraApiError {
    return new TagoraApiError({
      code: 'unauthorized',
      message: 'Tagora already refused this saved sign-in. Sign in again.',
      call: 'POST /auth/renew',
      url: this.apiUrl,
    })
  }

  private emitState(): SessionState {
    this.emit()
    return this.state()
  }

  private emit(): void {
    const snapshot = this.state()
    for (const listener of this.listeners) {
      try {
        listener(snapshot)
      } catch (error) {
        this.deps.logger.error('session listener failed', { error })
      }
    }
  }
}
