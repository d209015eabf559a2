import type { SessionPhase, SessionState, SignedOut, SignedOutCode } from '../../shared/domain/session'
import { describe } from '../../shared/errors/describe'
import { problemOf } from '../errors/problem-of'
import type { EngineEnding, EngineStatus } from '../tokens/token-engine-types'
import { TokenEngine } from '../tokens/token-engine'
import { isDefinitive } from '../tokens/connection-error'
import { RefusedTokens } from '../tokens/refused-tokens'
import { tagoraScheme } from './tagora-scheme'
import type { TagoraConnectionConfig } from './tagora-scheme'
import type { Logger } from '../logging/logger'
import type { Clock } from '../ports/clock'
import type { PowerEvents } from '../ports/power-events'
import type { SecretStore } from '../ports/secret-store'
import { TagoraApiError } from '../tagora/tagora-api-error'
import type { TagoraClient } from '../tagora/tagora-client'
import { DEFAULT_TAGORA_API_URL } from '../tagora/tagora-client'
import { SavedSignIn, savedSignInAccount } from './saved-sign-in'
import type { KeychainStatus } from './saved-sign-in'
import { sessionClaimsOf } from './session-claims'
import type { SessionClaims } from './session-claims'

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

const ENGINE_PHASE_TO_SESSION: Partial<Record<EngineStatus['phase'], SessionPhase>> = {
  connecting: 'signing-in',
  connected: 'signed-in',
  renewing: 'renewing',
}

/**
 * The user's Tagora session in the main process. The token lifecycle (renewal on the server's clock,
 * retries, single flight, rotation, refused tokens) is the shared token engine running the Tagora scheme;
 * this class adds what belongs to a person signing in: "keep me signed in" through the keychain, the
 * state the header and login screen show, and why the session ended.
 */
export class TagoraSession {
  private readonly saved: SavedSignIn
  /** Outlives each sign-in's engine, so a refused saved sign-in is never sent again this run. */
  private readonly refused = new RefusedTokens()
  private readonly listeners = new Set<(state: SessionState) => void>()
  private engine: TokenEngine<TagoraConnectionConfig> | null = null
  private client: TagoraClientLike | null = null
  /** Bumped whenever a sign-in starts or the session is dropped, so late async results are ignored. */
  private generation = 0
  /** A sign-in or restore is still finishing (keychain included): the phase reads 'signing-in'. */
  private busy = false
  private email: string | null = null
  private apiUrl: string
  private demo = false
  private remember = false
  private signedInSince: number | null = null
  private ended: SignedOut | null = null
  private keychain: KeychainStatus = { available: true, reason: null }
  private lastEmitted = ''

  constructor(private readonly deps: TagoraSessionDeps) {
    this.saved = new SavedSignIn(deps.secretStore, deps.logger)
    this.apiUrl = deps.defaultApiUrl ?? DEFAULT_TAGORA_API_URL
  }

  /** Signs in with a password. Throws the TagoraApiError on failure (state: signed-out, email kept). */
  async signIn(input: SignInInput): Promise<SessionState> {
    const { engine, generation } = this.start(input.apiUrl, input.email, input.demo ?? false)
    this.busy = true
    this.emit()
    try {
      // The password is used for this one login and not kept (the engine's secret() answers null).
      await engine.connect(input.password)
    } catch (error) {
      if (generation !== this.generation) return this.state()
      this.dropEngine()
      this.emit()
      throw error
    }
    await this.keepRenewToken(input.remember, generation)
    if (generation === this.generation) this.markSignedIn()
    return this.state()
  }

  /** Silent sign-in at launch from the keychain. Never throws: failures land in `signedOut`. */
  async restore(input: { apiUrl: string; email: string }): Promise<SessionState> {
    const { engine, generation } = this.start(input.apiUrl, input.email, false)
    const account = savedSignInAccount(input.apiUrl, input.email)
    const stored = (await this.refreshKeychain()) ? await this.saved.load(account) : null
    if (generation !== this.generation) return this.state()
    if (!stored || this.refused.has(stored)) {
      if (stored) await this.saved.forget(account)
      return this.emitState()
    }
    this.busy = true
    this.remember = true
    this.emit()
    try {
      await engine.resume(stored)
    } catch (error) {
      if (generation !== this.generation) return this.state()
      const definitive = isDefinitive(error)
      if (definitive) await this.saved.forget(account)
      this.dropEngine()
      this.ended = signedOut(definitive ? 'saved-sign-in-refused' : 'restore-failed', error)
      return this.emitState()
    }
    if (generation === this.generation) this.markSignedIn()
    return this.state()
  }

  /** Ends the session (the user's own sign-out: no reason to show) and forgets the saved sign-in. */
  async signOut(): Promise<SessionState> {
    const account = this.account()
    this.dropEngine()
    this.ended = null
    this.emit()
    if (account) await this.saved.forget(account)
    return this.state()
  }

  /**
   * Runs a protected call with a fresh access token. A 401 waits for (or starts) the one renewal in
   * flight and retries once; a second 401 ends the session.
   */
  async authorized<T>(run: (accessToken: string, client: TagoraClientLike) => Promise<T>): Promise<T> {
    const { engine, client } = this
    if (!engine || !client || this.busy) throw this.signedOutError()
    return engine.authorized(async (_headers, token) => {
      const result = await run(token, client)
      // Protected responses carry the server's Date too: it keeps the clock offset fresh.
      const serverDate = (result as { serverDate?: unknown } | null)?.serverDate
      if (typeof serverDate === 'number') engine.observeServerDate(serverDate)
      return result
    })
  }

  state(): SessionState {
    const status = this.engine?.status() ?? null
    const phase: SessionPhase = this.busy
      ? 'signing-in'
      : ((status && ENGINE_PHASE_TO_SESSION[status.phase]) ?? 'signed-out')
    // Token-derived fields appear once the sign-in has finished (keychain included), in one announcement.
    const live = phase === 'signed-in' || phase === 'renewing'
    return {
      phase,
      email: this.email,
      organizationId: live ? (this.claimIds().organizationId?.toString() ?? null) : null,
      apiUrl: this.apiUrl,
      demo: this.demo,
      signedInSince: live ? this.signedInSince : null,
      lastRenewedAt: live ? (status?.lastRenewedAt ?? null) : null,
      accessExpiresAt: live ? (status?.expiresAt ?? null) : null,
      lastRenewalProblem: phase === 'renewing' ? (status?.lastProblem ?? null) : null,
      renewalRetry: phase === 'renewing' ? (status?.renewalRetry ?? null) : null,
      signedOut: this.ended,
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
    return this.claimIds()
  }

  /** Re-reads whether a keychain is available (call at start-up so the login form can offer it). */
  async checkKeychain(): Promise<SessionState> {
    await this.refreshKeychain()
    return this.emitState()
  }

  /** Stops timers and the resume subscription (app quit). */
  dispose(): void {
    this.dropEngine()
  }

  // --- one sign-in's engine ----------------------------------------------------------------------------

  /** Replaces any previous session with a fresh engine for this server and account. */
  private start(
    apiUrl: string,
    email: string,
    demo: boolean,
  ): { engine: TokenEngine<TagoraConnectionConfig>; generation: number } {
    this.dropEngine()
    this.apiUrl = apiUrl
    this.email = email
    this.demo = demo
    this.ended = null
    const generation = this.generation
    const client = this.deps.createClient(apiUrl)
    const config = { id: 'tagora-session', name: 'Tagora', baseUrl: apiUrl, email, overrides: NO_OVERRIDES }
    const engine = new TokenEngine(tagoraScheme(client), config, {
      clock: this.deps.clock,
      logger: this.deps.logger,
      powerEvents: this.deps.powerEvents,
      ...(this.deps.random ? { random: this.deps.random } : {}),
      secret: () => Promise.resolve(null),
      refusedTokens: this.refused,
      obtainOnDemand: false,
      onRenewed: (token, previous) => this.keepRotatedToken(token, previous, generation),
      onEnded: (ending) => this.onEnded(ending, generation),
      signedOutError: () => this.signedOutError(),
    })
    engine.onChange(() => this.emit())
    this.engine = engine
    this.client = client
    return { engine, generation }
  }

  /** Drops the engine (tokens and timers) and invalidates every async step still running. */
  private dropEngine(): void {
    this.generation += 1
    this.engine?.dispose()
    this.engine = null
    this.client = null
    this.busy = false
    this.remember = false
    this.signedInSince = null
  }

  private markSignedIn(): void {
    this.busy = false
    this.signedInSince ??= this.deps.clock.now()
    this.emit()
  }

  /** The engine gave up: record why, and forget the saved sign-in unless the server was only unreachable. */
  private async onEnded(ending: EngineEnding, generation: number): Promise<void> {
    if (generation !== this.generation) return
    const account = this.account()
    this.ended = signedOut(ending.kind, ending.error)
    this.remember = false
    this.signedInSince = null
    this.deps.logger.warn('session ended', {
      code: this.ended.code,
      problem: describe(this.ended.problem, 'en'),
    })
    // Not refused, only unreachable: the saved sign-in may still work at the next launch.
    if (ending.kind !== 'renewal-failed' && account) await this.saved.forget(account)
  }

  // --- keep me signed in -------------------------------------------------------------------------------

  /** Keeps the renewToken in the keychain only when asked to and possible; else in memory only. */
  private async keepRenewToken(remember: boolean, generation: number): Promise<void> {
    const account = this.account()
    if (!account) return
    // Unticking "keep me signed in" also forgets an older saved sign-in for this account.
    if (!remember) return this.saved.forget(account)
    if (!(await this.refreshKeychain()) || generation !== this.generation) return
    this.remember = true
    await this.saveRenewToken(generation)
  }

  /** Rotation: the old renewToken may already be dead server-side, so the keychain copy is replaced now. */
  private async keepRotatedToken(token: string | null, previous: string | null, generation: number) {
    if (this.remember && token && token !== previous) await this.saveRenewToken(generation)
  }

  /** Writes the current renewToken; if the session ended meanwhile, undoes the write. */
  private async saveRenewToken(generation: number): Promise<void> {
    const token = this.engine?.currentRefreshToken()
    const account = this.account()
    if (!account || !token) return
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

  // --- plumbing -----------------------------------------------------------------------------------------

  private account(): string | null {
    return this.email ? savedSignInAccount(this.apiUrl, this.email) : null
  }

  private claimIds(): SessionClaims {
    return sessionClaimsOf(this.engine?.tokenClaims() ?? null)
  }

  private signedOutError(): TagoraApiError {
    return new TagoraApiError({ code: 'signed-out', call: 'session', url: this.apiUrl })
  }

  private emitState(): SessionState {
    this.emit()
    return this.state()
  }

  /** Announces the state when it changed (the engine and the session both report, often the same thing). */
  private emit(): void {
    const snapshot = this.state()
    const serialized = JSON.stringify(snapshot)
    if (serialized === this.lastEmitted) return
    this.lastEmitted = serialized
    for (const listener of this.listeners) {
      try {
        listener(snapshot)
      } catch (error) {
        this.deps.logger.error('session listener failed', { error })
      }
    }
  }
}

/** Why the session ended: the login screen's code, and the error behind it as facts. */
function signedOut(code: SignedOutCode, error: unknown): SignedOut {
  return { code, problem: problemOf(error) }
}

const NO_OVERRIDES: TagoraConnectionConfig['overrides'] = { paths: {}, fields: {}, lifetimeSeconds: null }
