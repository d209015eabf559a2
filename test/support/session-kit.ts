import { silentLogger } from '../../core/logging/logger'
import type { PowerEvents } from '../../core/ports/power-events'
import { makeAccessToken } from '../fakes/fake-jwt'
import { TagoraApiError } from '../../core/tagora/tagora-api-error'
import type { TagoraErrorCode } from '../../core/tagora/tagora-api-error'
import type { TagoraResponse } from '../../core/tagora/tagora-client'
import type { LoginData, RenewData } from '../../core/tagora/schemas'
import { FakeClock } from '../fakes/fake-clock'
import { TagoraSession } from '../../core/session/tagora-session'
import type { TagoraClientLike } from '../../core/session/tagora-session'
import { MemorySecretStore } from '../fakes/fake-secret-store'

export const API_URL = 'https://api.test/integration/v1'
export const EMAIL = 'dispatch@example.com'
export const PASSWORD = 'correct horse'
export const ACCOUNT = `${API_URL}|${EMAIL}`

/** Power events a test can fire. */
export class FakePowerEvents implements PowerEvents {
  private readonly listeners = new Set<() => void>()
  onResume(fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }
  resume(): void {
    for (const listener of this.listeners) listener()
  }
}

export function apiError(
  code: TagoraErrorCode,
  status?: number,
  extra: Partial<TagoraApiError> = {},
): TagoraApiError {
  return new TagoraApiError({
    code,
    ...(code === 'api-unreachable' && { facts: { target: API_URL, network: 'ECONNREFUSED' } }),
    call: 'POST /auth/renew',
    url: `${API_URL}/auth/renew`,
    ...(status !== undefined && { status }),
    ...(extra.serverCode !== undefined && { serverCode: extra.serverCode }),
    ...(extra.serverMessage !== undefined && { serverMessage: extra.serverMessage }),
    requestId: 'req-1',
  })
}

/**
 * The auth half of Tagora, on the fake clock: issues real-looking JWTs, rotates renewTokens, and can be
 * told to fail the next renewals or to hold them (to observe single flight).
 */
export class FakeAuthServer {
  /** Server clock minus local clock (positive: the server is ahead). */
  offsetMs = 0
  lifetimeSeconds = 3600
  rotate = true
  readonly renewCalls: string[] = []
  readonly renewFailures: TagoraApiError[] = []
  private validRenew = new Set<string>()
  private serial = 0
  private held: Array<() => void> = []
  private holding = false

  constructor(private readonly clock: FakeClock) {}

  serverNow(): number {
    return this.clock.now() + this.offsetMs
  }

  readonly client = {
    baseUrl: API_URL,
    login: ({ email, password }: { email: string; password: string }): Promise<TagoraResponse<LoginData>> => {
      if (password !== PASSWORD) {
        return Promise.reject(
          new TagoraApiError({
            code: 'invalid-credentials',
            call: 'POST /auth/login',
            url: API_URL,
            status: 401,
          }),
        )
      }
      return Promise.resolve(this.grant(email, true))
    },
    renew: async (renewToken: string): Promise<TagoraResponse<RenewData>> => {
      this.renewCalls.push(renewToken)
      if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve))
      const failure = this.renewFailures.shift()
      if (failure) throw failure
      if (!this.validRenew.has(renewToken)) throw apiError('unauthorized', 401)
      if (this.rotate) this.validRenew.delete(renewToken)
      return this.grant(EMAIL, this.rotate, renewToken)
    },
    listDevices: () => Promise.reject(new Error('not used')),
    registerWebhook: () => Promise.reject(new Error('not used')),
    getWebhookScope: () => Promise.reject(new Error('not used')),
  } satisfies TagoraClientLike

  /** A renewToken the server accepts, as if saved by an earlier run. */
  issueRenewToken(): string {
    const token = `renew-${++this.serial}`
    this.validRenew.add(token)
    return token
  }

  isAccessValid(token: string): boolean {
    return token.startsWith('eyJ') && this.currentAccess === token
  }

  holdRenewals(): void {
    this.holding = true
  }
  releaseRenewals(): void {
    this.holding = false
    for (const release of this.held.splice(0)) release()
  }

  currentAccess: string | null = null

  private grant(email: string, newRenew: boolean, oldRenew?: string): TagoraResponse<LoginData> {
    const accessToken = makeAccessToken(this.serverNow(), this.lifetimeSeconds, { email, n: ++this.serial })
    this.currentAccess = accessToken
    const renewToken = newRenew || !oldRenew ? this.issueRenewToken() : oldRenew
    return {
      data: { accessToken, renewToken, tokenType: 'Bearer', expiresIn: this.lifetimeSeconds },
      requestId: `req-${this.serial}`,
      serverDate: this.serverNow(),
    }
  }
}

export function createSessionKit(options: { random?: () => number } = {}) {
  const clock = new FakeClock()
  const store = new MemorySecretStore()
  const power = new FakePowerEvents()
  const server = new FakeAuthServer(clock)
  const session = new TagoraSession({
    clock,
    secretStore: store,
    powerEvents: power,
    logger: silentLogger,
    createClient: () => server.client,
    random: options.random ?? (() => 0),
  })
  const signIn = (remember = true) =>
    session.signIn({ apiUrl: API_URL, email: EMAIL, password: PASSWORD, remember })
  return { clock, store, power, server, session, signIn }
}

/** A protected call that succeeds only with the server's current access token. */
export function protectedCall(server: FakeAuthServer, seen: string[] = []) {
  return (token: string): Promise<string> => {
    seen.push(token)
    return server.isAccessValid(token) ? Promise.resolve('ok') : Promise.reject(unauthorizedCall())
  }
}

export function unauthorizedCall(): TagoraApiError {
  return new TagoraApiError({
    code: 'unauthorized',
    call: 'GET /devices',
    url: `${API_URL}/devices`,
    status: 401,
    requestId: 'd-1',
  })
}
